/** Cached reads of the repository files cross-file rules compare against. */
import { readDvcConfig, findDvcRequirement, type DvcConfig, type DvcRequirement } from '@mlops-pipeline/repo-facts';

const configs = new Map<string, DvcConfig | undefined>();
const requirements = new Map<string, DvcRequirement | undefined>();

export function dvcConfig(root: string): DvcConfig | undefined {
  if (!configs.has(root)) {
    let value: DvcConfig | undefined;
    try {
      value = readDvcConfig(root);
    } catch {
      value = undefined;
    }
    configs.set(root, value);
  }
  return configs.get(root);
}

export function dvcRequirement(root: string): DvcRequirement | undefined {
  if (!requirements.has(root)) {
    let value: DvcRequirement | undefined;
    try {
      value = findDvcRequirement(root);
    } catch {
      value = undefined;
    }
    requirements.set(root, value);
  }
  return requirements.get(root);
}

/** Forget cached facts (tests write temporary repositories). */
export function clearRepoCache(): void {
  configs.clear();
  requirements.clear();
}
