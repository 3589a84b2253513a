/**
 * README sections generated from the template source (caller snippets,
 * remotes × secrets, inputs), kept between `<!-- BEGIN generated:x -->` and
 * `<!-- END generated:x -->` markers by the generate script.
 */
import { parse } from 'yaml';
import { ACTIONS, CML_VERSION } from './actions.js';
import { render, renderPublishedFiles } from './api.js';
import { TEMPLATES } from './catalogue.js';
import { appliesTo, defaultOf, pinnedUse, type InputDef } from './inputs.js';
import { allSecrets } from './secrets.js';
import { requiredPermissions } from './platform/github-permissions.js';
import { PROVIDERS } from './types.js';
import type { Provider, SecretRequirement } from './types.js';

/** Version shown in README examples (real refs come from the release tags). */
export const EXAMPLE_REF = '1.2.3';

function code(v: unknown): string {
  return `\`${typeof v === 'string' && v !== '' ? v : JSON.stringify(v)}\``;
}

function secretCell(list: SecretRequirement[], provider: Provider): string {
  if (list.length === 0) return 'none';
  return list
    .map((s) => {
      const need = s.when ? `with \`${s.when.input}: ${String(s.when.equals)}\`` : s.required ? '' : 'optional';
      const notes = [provider === 'gitlab' && s.masked ? 'masked' : '', s.base64 ? 'base64' : '', need].filter(Boolean);
      return `\`${s.name}\`${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    })
    .join('<br>');
}

function secretsTable(): string {
  const rows = TEMPLATES.map((t) => {
    const gl = allSecrets(t, 'gitlab').filter((s) => s.name !== 'REPO_TOKEN');
    return `| \`${t.name}\` | ${t.remote === 'none' ? 'public or local (no credentials)' : t.title.replace(/^DVC experiment on /, '')} | ${secretCell(allSecrets(t, 'github'), 'github')} | ${secretCell(gl, 'gitlab')} |`;
  });
  return [
    '| Template | Remote | GitHub secrets | GitLab CI/CD variables |',
    '|---|---|---|---|',
    ...rows,
    '',
    'GitLab merge-request reports (`cml: true`) also need `REPO_TOKEN` (masked): a project access token with the `api` scope. GitHub reports use the built-in `GITHUB_TOKEN` with `pull-requests: write` on the report job only.',
    'Azure: `azure-auth: connection-string` needs `AZURE_STORAGE_CONNECTION_STRING`; `azure-auth: service-principal` needs `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and `AZURE_CLIENT_SECRET`.',
  ].join('\n');
}

function allInputs(): InputDef[] {
  const seen = new Map<string, InputDef>();
  for (const t of TEMPLATES) for (const d of t.inputs) if (!seen.has(d.name)) seen.set(d.name, d);
  return [...seen.values()];
}

function defaultCell(d: InputDef): string {
  const providers = PROVIDERS.filter((p) => appliesTo(d, p));
  const values = providers.map((p) => defaultOf(d, p));
  if (values.every((v) => v === undefined)) return 'required';
  if (providers.length === 2 && JSON.stringify(values[0]) !== JSON.stringify(values[1])) return `GitHub ${code(values[0])}, GitLab ${code(values[1])}`;
  return code(values[0]);
}

const WHERE: Record<string, string> = {
  input: 'input',
  caller: 'caller file',
  render: 'vendored only',
};

function inputsTable(): string {
  const rows = allInputs().map((d) => {
    const used = TEMPLATES.filter((t) => t.inputs.includes(d)).map((t) => t.name);
    const templates = used.length === TEMPLATES.length ? 'all' : used.map((n) => `\`${n}\``).join(', ');
    const providers = d.providers ? `${d.providers.join(', ')} only` : 'both';
    const pinned = PROVIDERS
      .filter((p) => appliesTo(d, p))
      .map((p) => WHERE[pinnedUse(d, p)])
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(' / ');
    const type = d.enum ? d.enum.map((e) => `\`${e}\``).join(' \\| ') : d.type === 'array' ? 'list of strings' : d.type;
    return `| \`${d.name}\` | ${type} | ${defaultCell(d)} | ${templates} | ${providers} | ${pinned} | ${d.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| Input | Type | Default | Templates | Providers | Pinned use | Description |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function fence(lang: string, text: string): string {
  return `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;
}

function snippets(): string {
  const gh = render('github', 'dvc-gcs', { 'dvc-version': '3.63.0', cml: true }, { mode: 'pinned', ref: EXAMPLE_REF });
  const gl = render('gitlab', 'dvc-gcs', { 'dvc-version': '3.63.0', cml: true }, { mode: 'pinned', ref: EXAMPLE_REF });
  return [
    '**GitHub** — `.github/workflows/dvc.yml` calling the reusable workflow:',
    '',
    fence('yaml', gh),
    '',
    '**GitLab** — `.gitlab-ci.yml` including the CI/CD component:',
    '',
    fence('yaml', gl),
  ].join('\n');
}

function actionsTable(): string {
  const rows = Object.values(ACTIONS).map((a) => `| \`${a.repo}\` | \`${a.version}\` | \`${a.sha}\` |`);
  return [
    '| Action | Version (`pin-actions: version`) | Commit (`pin-actions: sha`, the default) |',
    '|---|---|---|',
    ...rows,
    '',
    'Each commit is the commit of the version tag in the action\'s own repository (`git rev-parse "refs/tags/<version>^{commit}"`); each action runs on `node24`. The published reusable workflows always pin by commit.',
    '',
    `CML is installed at exactly \`${CML_VERSION}\` with npm: on GitHub \`npm install --prefix "$RUNNER_TEMP/cml" @dvcorg/cml@${CML_VERSION}\` (the \`iterative/setup-cml\` action runs on \`node16\`, which GitHub no longer supports); on GitLab \`npm install -g @dvcorg/cml@${CML_VERSION}\`. Google Cloud credentials are written by the job itself to a file under \`$RUNNER_TEMP\`, outside the workspace where the project's code runs, and removed at the end of the job (\`google-github-actions/auth\` writes its file into the workspace).`,
  ].join('\n');
}

/** Inputs without defaults, with example values, so every template's snippet renders. */
const EXAMPLE_INPUTS: Record<string, Record<string, unknown>> = {
  'dvc-gcs-keyless': {
    'workload-identity-provider': 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/forge',
    'service-account': 'dvc-ci@my-project.iam.gserviceaccount.com',
  },
  'dvc-s3-keyless': { 'role-to-assume': 'arn:aws:iam::123456789012:role/dvc-ci', 'aws-region': 'eu-west-1' },
  'dvc-minio': { 'endpoint-url': 'https://minio.example.com:9000' },
  'dvc-azure': { 'azure-auth': 'service-principal', 'azure-storage-account': 'examplestorage' },
  'dvc-azure-keyless': { 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000', 'azure-storage-account': 'examplestorage' },
};

function everySnippet(): string {
  const out: string[] = [];
  for (const t of TEMPLATES) {
    const inputs = EXAMPLE_INPUTS[t.name] ?? {};
    out.push(`<details><summary><code>${t.name}</code>: ${t.title}</summary>`, '');
    for (const provider of PROVIDERS) {
      out.push(fence('yaml', render(provider, t.name, inputs, { mode: 'pinned', ref: EXAMPLE_REF })), '');
    }
    out.push('</details>', '');
  }
  return out.join('\n').trimEnd();
}

/**
 * The `permissions:` each calling job must grant: computed from the published workflows with
 * GitHub's own rule (a called job may request no more than its caller grants).
 */
function permissionsTable(): string {
  const cell = (path: string, t: string): string => {
    const file = renderPublishedFiles('github', t).find((f) => f.path === path)!;
    return Object.entries(requiredPermissions(parse(file.text)))
      .map(([scope, level]) => `\`${scope}: ${level}\``)
      .join('<br>');
  };
  return [
    '| Template | Job calling `<template>.yml` (always) | Job calling `<template>-report.yml` (with CML, on pull requests) |',
    '|---|---|---|',
    ...TEMPLATES.map((t) => `| \`${t.name}\` | ${cell(`.github/workflows/${t.name}.yml`, t.name)} | ${cell(`.github/workflows/${t.name}-report.yml`, t.name)} |`),
  ].join('\n');
}

export const README_SECTIONS: Record<string, () => string> = {
  permissions: permissionsTable,
  'every-snippet': everySnippet,
  actions: actionsTable,
  'caller-snippets': snippets,
  secrets: secretsTable,
  inputs: inputsTable,
};

/** README text with every generated section replaced; unknown or unterminated markers are left alone. */
export function updateReadme(text: string): string {
  let out = text;
  for (const [name, make] of Object.entries(README_SECTIONS)) {
    const begin = `<!-- BEGIN generated:${name} -->`;
    const end = `<!-- END generated:${name} -->`;
    const i = out.indexOf(begin);
    const j = out.indexOf(end);
    if (i < 0 || j < i) continue;
    out = `${out.slice(0, i + begin.length)}\n${make()}\n${out.slice(j)}`;
  }
  return out;
}
