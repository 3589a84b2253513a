import type { Answers } from './plan.js';

type Key = 'python' | 'dvc' | 'requirements' | 'installer' | 'remoteName' | 'branch' | 'workdir' | 'cml' | 'endpoint' | 'paths' | 'jobName';

/** Input names a template may use for each answer, most likely first. */
const ALIASES: Record<Key, string[]> = {
  python: ['python-version', 'python_version', 'python'],
  dvc: ['dvc-version', 'dvc_version', 'dvc'],
  requirements: ['requirements', 'requirements-file', 'requirements_file', 'requirements-path'],
  // How the project's dependencies are installed (pip, or the tool of its lock file).
  installer: ['installer', 'package-manager', 'install-with', 'python-installer'],
  // The DVC remote `dvc pull`/`dvc push` use (`-r`), when it is not the default one.
  remoteName: ['dvc-remote', 'remote-name', 'dvc-remote-name'],
  branch: ['branch', 'default-branch', 'default_branch', 'branches', 'main-branch'],
  workdir: ['working-directory', 'working_directory', 'workdir'],
  cml: ['cml', 'cml-report', 'enable-cml', 'with-cml', 'report'],
  // Monorepos: the paths whose changes run the pipeline.
  paths: ['paths', 'changes', 'trigger-paths', 'paths-filter'],
  // Monorepos on GitLab: a job name per project, so the included jobs do not merge.
  jobName: ['as', 'job-name', 'job-prefix'],
  endpoint: ['endpoint-url', 'endpoint_url', 'endpointurl', 's3-endpoint-url', 'minio-endpoint'],
};

interface PropertySchema {
  type?: string | string[];
}

function properties(schema: Record<string, unknown>): Record<string, PropertySchema> | undefined {
  const props = schema['properties'];
  return props && typeof props === 'object' ? (props as Record<string, PropertySchema>) : undefined;
}

function isArray(p: PropertySchema | undefined): boolean {
  return p?.type === 'array' || (Array.isArray(p?.type) && p.type.includes('array'));
}

/** The input the template takes for an answer, if any. */
export function inputNameFor(key: Key, schema: Record<string, unknown>): string | undefined {
  const props = properties(schema);
  return props ? ALIASES[key].find((a) => a in props) : undefined;
}

/**
 * Template inputs for the answers, named as the template's inputs schema names them.
 * Values the template does not take are left out.
 */
export function templateInputs(answers: Answers, schema: Record<string, unknown>, endpointUrl?: string, paths?: string[], jobName?: string): Record<string, unknown> {
  const props = properties(schema);
  const values: Record<Key, unknown> = {
    python: answers.python,
    dvc: answers.dvc,
    requirements: answers.requirements,
    installer: answers.installer,
    remoteName: answers.remoteName,
    branch: answers.branch,
    workdir: answers.workdir ? answers.workdir : undefined,
    cml: answers.cml,
    endpoint: answers.remote === 'minio' ? endpointUrl : undefined,
    paths,
    jobName,
  };
  const inputs: Record<string, unknown> = {};
  for (const key of Object.keys(ALIASES) as Key[]) {
    const value = values[key];
    if (value === undefined) continue;
    const aliases = ALIASES[key];
    const name = props ? aliases.find((a) => a in props) : aliases[0];
    if (name === undefined) continue;
    inputs[name] = isArray(props?.[name]) && !Array.isArray(value) ? [value] : value;
  }
  return inputs;
}
