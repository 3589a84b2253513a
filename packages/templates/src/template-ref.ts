/**
 * Where the templates are published, and how a caller pins them: a GitHub reusable-workflow call
 * (`uses: owner/repo/.github/workflows/dvc.yml@v1.2.3`) or a GitLab component include
 * (`component: gitlab.com/group/project/dvc@1.2.3`). The one parser of these references, shared
 * by mlops-lint's rules and the generator's upgrade and fleet commands.
 */
import type { Provider } from './types.js';

/** The GitHub repository publishing the reusable workflows (`owner/repo`). */
export const PROJECT_GITHUB_REPOSITORY = 'mlops-pipeline/mlops-pipeline';
/** The GitLab project publishing the CI/CD components (`host/group/project`). */
export const PROJECT_GITLAB_COMPONENTS = 'gitlab.com/mlops-pipeline/components';

export interface TemplateRef {
  provider: Provider;
  /** GitHub `owner/repo` or GitLab `host/group/project`, as written. */
  source: string;
  /** The template's name (`dvc`, `dvc-report`). */
  template: string;
  /** GitHub only: the called workflow's path in its repository (`.github/workflows/dvc.yml`). */
  path?: string;
  /** The ref after `@` as written (`v1.2.3`, `v1`, `1.2.3`, `main`); undefined when there is none. */
  ref: string | undefined;
  /** `ref` without the `v` GitHub tags carry (`1.2.3`); undefined when there is no ref. */
  version: string | undefined;
}

const GITHUB_CALL = /^([\w.-]+\/[\w.-]+)\/(\.github\/workflows\/([\w.-]+?)\.ya?ml)(?:@(.*))?$/;
const GITLAB_COMPONENT = /^([\w.-]+(?:\/[\w.-]+)+)\/([\w.-]+)(?:@(.*))?$/;

function versionOf(ref: string | undefined): string | undefined {
  return ref === undefined ? undefined : ref.replace(/^v(?=\d)/, '');
}

/**
 * The template reference in the value of a GitHub job's `uses:` or a GitLab `component:` include;
 * undefined when the value is not one (a local `./` call, an action, a path without a template name).
 */
export function parseTemplateRef(provider: Provider, value: string): TemplateRef | undefined {
  const text = value.trim();
  if (provider === 'github') {
    const m = GITHUB_CALL.exec(text);
    if (!m) return undefined;
    const ref = m[4] === '' ? undefined : m[4];
    return { provider, source: m[1] ?? '', template: m[3] ?? '', path: m[2] ?? '', ref, version: versionOf(ref) };
  }
  const m = GITLAB_COMPONENT.exec(text);
  if (!m) return undefined;
  const ref = m[3] === '' ? undefined : m[3];
  return { provider, source: m[1] ?? '', template: m[2] ?? '', ref, version: versionOf(ref) };
}

/** The reference points at this project's published templates (GitHub owner and repository names ignore case). */
export function isProjectTemplateRef(ref: TemplateRef): boolean {
  return ref.provider === 'github' ? ref.source.toLowerCase() === PROJECT_GITHUB_REPOSITORY : ref.source === PROJECT_GITLAB_COMPONENTS;
}

const REF_KEY = /(?<![\w-])(uses|component):[ \t]*(["']?)([^\s"'#,{}[\]]+)\2/g;
const PINNABLE = /^[\w.-]+$/;

/**
 * The first pinned template reference in a caller's YAML text: a GitHub `uses:` or GitLab `component:`
 * of any source, at a tag or version (`v1.2.3`, `1.2`, `main`; not `~latest`, not an expression).
 * Comments are not read.
 */
export function findTemplateRef(text: string): TemplateRef | undefined {
  for (const m of text.matchAll(REF_KEY)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (text.slice(lineStart, m.index).includes('#')) continue;
    const found = parseTemplateRef(m[1] === 'uses' ? 'github' : 'gitlab', m[3] ?? '');
    if (found?.ref !== undefined && PINNABLE.test(found.ref)) return found;
  }
  return undefined;
}
