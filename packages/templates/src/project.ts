/**
 * `@mlops-pipeline/templates/project`: the names every package shares, in a module light enough to
 * load at start-up (no templates, no validators): the providers and this project's own addresses.
 */
export { PROVIDERS } from './types.js';
export type { Provider } from './types.js';
export { PROJECT_GITHUB_REPOSITORY, PROJECT_GITLAB_COMPONENTS } from './template-ref.js';
