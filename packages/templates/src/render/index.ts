import type { Provider } from '../types.js';
import { githubRenderer } from './github.js';
import { gitlabRenderer } from './gitlab.js';
import type { Renderer } from './types.js';

export const RENDERERS: Readonly<Record<Provider, Renderer>> = { github: githubRenderer, gitlab: gitlabRenderer };

export type { Renderer } from './types.js';
