import { PROJECT_GITLAB_COMPONENTS } from '@mlops-pipeline/templates/project';
import { UserError } from './errors.js';
import type { Answers } from './plan.js';

/** Where the published GitLab components live (GitLab includes a component only from its own instance). */
export const GITLAB_COMPONENTS_HOST = PROJECT_GITLAB_COMPONENTS.split('/')[0]!;

/**
 * The self-managed GitLab host a pinned GitLab pipeline needs a component mirror on: the project's
 * host when it is not gitlab.com and no `--source` was given; undefined when nothing is missing.
 */
export function mirrorHostNeeded(answers: Pick<Answers, 'provider' | 'mode' | 'source'>, gitHost: string | undefined): string | undefined {
  if (answers.provider !== 'gitlab' || answers.mode !== 'pinned' || answers.source) return undefined;
  if (gitHost === undefined || gitHost === GITLAB_COMPONENTS_HOST || gitHost.includes('github')) return undefined;
  return gitHost;
}

/** The usage error for a pinned pipeline on a self-managed GitLab without a mirror (`--source`). */
export function mirrorNeededError(host: string): UserError {
  return new UserError(
    `--mode pinned on ${host}: GitLab includes CI/CD components only from its own instance, so mirror ${PROJECT_GITLAB_COMPONENTS} to ${host} and pass --source ${host}/<group>/components (or use --mode vendored)`,
    2,
  );
}
