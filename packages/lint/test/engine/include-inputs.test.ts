/** `include: - local: … inputs:` — the included component body is linted with the inputs its includer passes. */
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/index.js';
import { dvcVersionPinned } from '../../src/rules/dvc-version-pinned.js';
import { finder, quiet, tempRepo } from './helpers.js';

const COMPONENT = `spec:
  inputs:
    dvc-version:
      default: latest
    stage:
      default: test
---
train:
  stage: $[[ inputs.stage ]]
  script:
    - pip install "dvc==$[[ inputs.dvc-version ]]"
    - dvc repro --pull
`;

const includer = (inputs: string) => `stages: [test, train]
include:
  - local: ci/train.yml
${inputs}`;

async function lint(files: Record<string, string>, targets: string[], rules = [dvcVersionPinned]) {
  const dir = tempRepo({ 'ci/train.yml': COMPONENT, ...files });
  return lintFiles(targets, { cwd: dir, config: quiet, rules });
}

describe('local include with inputs', () => {
  it('substitutes the inputs the include passes', async () => {
    const [result] = await lint({ '.gitlab-ci.yml': includer('    inputs:\n      dvc-version: 3.63.0\n      stage: train\n') }, ['.gitlab-ci.yml'], [finder('dvc==3.63.0')]);
    expect(result!.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(['ci/train.yml:11 found dvc==3.63.0 in train']);
  });

  it('rules see the passed value: a pinned DVC version is not reported', async () => {
    const [result] = await lint({ '.gitlab-ci.yml': includer('    inputs:\n      dvc-version: 3.63.0\n') }, ['.gitlab-ci.yml']);
    expect(result!.diagnostics.filter((d) => d.ruleId === 'dvc-version-pinned')).toEqual([]);
  });

  it('without inputs the defaults apply (here an unpinned DVC, reported in the included file)', async () => {
    const [result] = await lint({ '.gitlab-ci.yml': includer('') }, ['.gitlab-ci.yml']);
    expect(result!.diagnostics.filter((d) => d.ruleId === 'dvc-version-pinned').map((d) => `${d.file}:${d.line}`)).toEqual(['ci/train.yml:11']);
  });

  it('two pipelines including the same file with different inputs each see their own', async () => {
    const results = await lint(
      {
        '.gitlab-ci.yml': includer('    inputs:\n      dvc-version: 3.63.0\n'),
        'nightly.gitlab-ci.yml': includer('    inputs:\n      dvc-version: ">=3"\n'),
      },
      ['.gitlab-ci.yml', 'nightly.gitlab-ci.yml'],
    );
    const pinned = (file: string) => results.find((r) => r.file === file)!.diagnostics.filter((d) => d.ruleId === 'dvc-version-pinned').map((d) => `${d.file}:${d.line}`);
    expect(pinned('.gitlab-ci.yml')).toEqual([]);
    expect(pinned('nightly.gitlab-ci.yml')).toEqual(['ci/train.yml:11']);
  });
});

describe('inputs GitLab refuses', () => {
  const REQUIRED = 'spec:\n  inputs:\n    remote:\n    stage:\n      default: test\n---\ntrain:\n  stage: $[[ inputs.stage ]]\n  script:\n    - dvc pull -r $[[ inputs.remote ]]\n';
  const resolveProblems = async (main: string, component = REQUIRED): Promise<string[]> => {
    const dir = tempRepo({ '.gitlab-ci.yml': main, 'ci/train.yml': component });
    const [result] = await lintFiles(['.gitlab-ci.yml'], { cwd: dir, config: quiet, rules: [] });
    return result!.diagnostics.filter((d) => d.ruleId === 'gitlab-resolve').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  };

  it.each([
    ['all required inputs passed', 'include:\n  - local: ci/train.yml\n    inputs:\n      remote: storage\n', []],
    [
      'an input the file does not declare',
      'include:\n  - local: ci/train.yml\n    inputs:\n      remote: storage\n      remtoe: backup\n',
      ['.gitlab-ci.yml:5:7 include: input `remtoe` is not declared in the `spec:inputs` of `ci/train.yml` (declared: remote, stage)'],
    ],
    [
      'a required input not passed',
      'include:\n  - local: ci/train.yml\n',
      ['.gitlab-ci.yml:2:12 include: `ci/train.yml` requires the input `remote` (it has no default): pass it under `inputs:`'],
    ],
  ])('%s', async (_name, main, expected) => {
    expect(await resolveProblems(main)).toEqual(expected);
  });

  it('inputs passed to a file that is not a component', async () => {
    expect(await resolveProblems('include:\n  - local: ci/train.yml\n    inputs:\n      remote: storage\n', 'train:\n  script:\n    - dvc pull\n')).toEqual([
      '.gitlab-ci.yml:4:7 include: `ci/train.yml` declares no `spec:inputs`, so it takes no `inputs:`',
    ]);
  });
});
