/**
 * Facts about where DVC comes from in CI, one row each with where it is documented: the images
 * that ship DVC, the actions that install it, the packages that pull it in, and when options
 * appeared. dvc-version-pinned and cml-deprecated read these tables; their docs show them.
 */

export interface ImageFact {
  /** Registry host (`docker.io` for Docker Hub). */
  registry: string;
  /** Repository path, without the registry. */
  repository: RegExp;
  what: string;
  /** Where an exact DVC version appears in the tag. */
  versionIn: string;
  source: string;
}

const IN_CML_TAG = 'an exact version in the tag (`…-dvc3.63.0-…`), else whatever the rolling tag holds';

/** Images that ship DVC: CML's under all their names, and DVC's own. */
export const DVC_IMAGES: readonly ImageFact[] = [
  { registry: 'docker.io', repository: /^iterativeai\/cml$/, what: '`iterativeai/cml` (tags `0-dvc<major>-base1[-gpu]`)', versionIn: IN_CML_TAG, source: 'https://github.com/iterative/cml#using-cml-with-docker' },
  { registry: 'ghcr.io', repository: /^iterative\/cml$/, what: '`ghcr.io/iterative/cml` (the same images on GitHub)', versionIn: IN_CML_TAG, source: 'https://github.com/iterative/cml/pkgs/container/cml' },
  { registry: 'docker.io', repository: /^dvcorg\/cml(-[a-z0-9-]+)?$/, what: '`dvcorg/cml`, `dvcorg/cml-py3`, `dvcorg/cml-gpu-py3`, … (the names before `iterativeai/`)', versionIn: IN_CML_TAG, source: 'https://hub.docker.com/u/dvcorg' },
  { registry: 'docker.io', repository: /^(iterativeai|dvcorg)\/dvc$/, what: '`iterativeai/dvc`, `dvcorg/dvc`', versionIn: 'the tag, when it is a version (`3.63.0`)', source: 'https://hub.docker.com/r/iterativeai/dvc' },
];

export interface InstallerFact {
  /** owner/repo of the action. */
  repo: string;
  /** Name shown in messages. */
  name: string;
  /** The input that sets the DVC version (`latest` when absent). */
  input: string;
  source: string;
}

/** Actions that install DVC, and the input that sets its version. */
export const DVC_INSTALLERS: readonly InstallerFact[] = [
  { repo: 'treeverse/setup-dvc', name: 'setup-dvc', input: 'version', source: 'https://github.com/iterative/setup-dvc#inputs' },
  { repo: 'iterative/setup-tools', name: 'iterative/setup-tools', input: 'dvc-version', source: 'https://github.com/iterative/setup-tools/blob/main/action.yml' },
];

/** DVC's remote plugins: each depends on `dvc` with a range, so installing one alone installs the newest DVC. */
export const DVC_PLUGINS: readonly string[] = ['dvc-s3', 'dvc-gs', 'dvc-gdrive', 'dvc-azure', 'dvc-oss', 'dvc-ssh', 'dvc-hdfs', 'dvc-webhdfs', 'dvc-webdav', 'dvc-http'];
export const DVC_PLUGINS_SOURCE = 'https://github.com/iterative/dvc-s3/blob/main/pyproject.toml';

/** DVC versions since which options exist. */
export const DVC_SINCE = {
  /** `dvc metrics|params diff --md`, `--json`, `--csv` (before: `--show-md`, `--show-json`, `--show-csv`). */
  md: { version: '2.8', what: '`--md`, `--json`, `--csv` on `dvc metrics|params diff` (before: `--show-md`, `--show-json`, `--show-csv`; removed in DVC 3)', source: 'https://github.com/iterative/dvc/releases/tag/2.8.0' },
} as const;

/** The last DVC release of each closed major, for images whose tag names only a major. */
export const LAST_OF_MAJOR: Readonly<Record<string, { version: string; source: string }>> = {
  '1': { version: '1.11.16', source: 'https://pypi.org/project/dvc/1.11.16/' },
  '2': { version: '2.58.2', source: 'https://pypi.org/project/dvc/2.58.2/' },
};

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** The facts dvc-version-pinned reads, as Markdown tables (docs). */
export function dvcVersionFactsTable(): string {
  return [
    row(['DVC comes from', 'how its version is read', 'source']),
    '|---|---|---|',
    ...DVC_INSTALLERS.map((i) => row([`\`${i.repo === 'treeverse/setup-dvc' ? 'iterative/setup-dvc' : i.repo}\``, `its \`${i.input}\` input (\`latest\` when absent)`, `<${i.source}>`])),
    ...DVC_IMAGES.map((i) => row([i.what, i.versionIn, `<${i.source}>`])),
    row([DVC_PLUGINS.map((p) => `\`${p}\``).join(', '), 'none: installed alone, each brings the newest DVC', `<${DVC_PLUGINS_SOURCE}>`]),
    ...Object.entries(LAST_OF_MAJOR).map(([major, f]) => row([`a CML image tag naming DVC ${major} only (\`0-dvc${major}-base1\`)`, `the advice pins DVC ${f.version}, the last ${major}.x`, `<${f.source}>`])),
  ].join('\n');
}

/** The version facts cml-deprecated reads (docs). */
export function dvcSinceTable(): string {
  return [row(['option', 'since DVC', 'source']), '|---|---|---|', ...Object.values(DVC_SINCE).map((f) => row([f.what, f.version, `<${f.source}>`]))].join('\n');
}
