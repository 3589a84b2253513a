import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Provider } from '@mlops-pipeline/templates/project';

export interface CiFiles {
  /** Workflow files under .github/workflows (relative paths). */
  github: string[];
  /** `.gitlab-ci.yml` when present. */
  gitlab: string[];
}

/** CI configuration files already in the repo, per provider. */
export function findCiFiles(repoDir: string): CiFiles {
  const github: string[] = [];
  try {
    for (const n of readdirSync(path.join(repoDir, '.github', 'workflows')).sort()) {
      if (/\.ya?ml$/.test(n)) github.push(`.github/workflows/${n}`);
    }
  } catch {
    // no workflows directory
  }
  const gitlab = ['.gitlab-ci.yml', '.gitlab-ci.yaml'].filter((n) => existsSync(path.join(repoDir, n)));
  return { github, gitlab };
}

/** The provider the existing CI files point to, when exactly one provider has files. */
export function providerFromCiFiles(files: CiFiles): Provider | undefined {
  if (files.github.length > 0 && files.gitlab.length === 0) return 'github';
  if (files.gitlab.length > 0 && files.github.length === 0) return 'gitlab';
  return undefined;
}
