/** How messages name a file of the repository. */
import { isAbsolute, relative } from 'node:path';

export function repoRelative(root: string, file: string): string {
  return (isAbsolute(file) ? relative(root, file) : file).replace(/\\/g, '/');
}
