import { describe, expect, it } from 'vitest';
import { addLocalInclude, editWithoutBom, ensureStage, ensureStageAcrossIncludes, firstJobStage, localIncludes, stagesOf } from './gitlab-include.js';

const F = '.gitlab/ci/mlops.yml';

describe('addLocalInclude', () => {
  it.each([
    ['no include', 'stages: [test]\njob:\n  script: [echo]\n', `include:\n  - local: ${F}\n\nstages: [test]\njob:\n  script: [echo]\n`],
    ['no include, after a header comment', '# CI\n\nstages: [test]\n', `# CI\n\ninclude:\n  - local: ${F}\n\nstages: [test]\n`],
    ['block list', 'include:\n  - local: a.yml\n  - template: Security/SAST.gitlab-ci.yml\n\nstages: [test]\n', `include:\n  - local: a.yml\n  - template: Security/SAST.gitlab-ci.yml\n  - local: ${F}\n\nstages: [test]\n`],
    ['unindented block list', 'include:\n- a.yml\njob:\n  script: x\n', `include:\n- a.yml\n- local: ${F}\njob:\n  script: x\n`],
    ['multi-line items', 'include:\n  - project: g/p\n    file: x.yml\nx: 1\n', `include:\n  - project: g/p\n    file: x.yml\n  - local: ${F}\nx: 1\n`],
    ['single string', "include: 'ci/base.yml'\nx: 1\n", `include:\n  - 'ci/base.yml'\n  - local: ${F}\nx: 1\n`],
    ['single flow mapping', 'include: { local: ci/base.yml }\n', `include:\n  - { local: ci/base.yml }\n  - local: ${F}\n`],
    ['already included', `include:\n  - local: ${F}\n`, `include:\n  - local: ${F}\n`],
  ])('%s', (_label, before, after) => {
    expect(addLocalInclude(before, F)).toBe(after);
  });

  it.each([
    ['flow list', 'x: 1\ninclude: [a.yml, b.yml]\n', '.gitlab-ci.yml:2:1: include: is a flow list'],
    ['mapping', 'include:\n  local: a.yml\n', '.gitlab-ci.yml:1:1: include: is a mapping'],
  ])('refuses a %s with file:line:col', (_label, before, message) => {
    expect(() => addLocalInclude(before, F)).toThrow(message);
  });
});

describe('ensureStage', () => {
  it.each([
    ['no stages: (GitLab defaults apply)', 'job:\n  script: [x]\n', 'job:\n  script: [x]\n'],
    ['flow list with it', 'stages: [build, test]\n', 'stages: [build, test]\n'],
    ['flow list without it', 'stages: [build, "lint"]\nx: 1\n', 'stages: [build, lint, test]\nx: 1\n'],
    ['block list without it', 'stages:\n  - build\n  - package\n\njob: {}\n', 'stages:\n  - build\n  - package\n  - test\n\njob: {}\n'],
    ['block list with it', 'stages:\n- test\n', 'stages:\n- test\n'],
    ['block list with deploy: test goes before it', 'stages:\n  - build\n  - deploy\n  - notify\n', 'stages:\n  - build\n  - test\n  - deploy\n  - notify\n'],
    ['flow list with deploy: test goes before it', 'stages: [build, deploy]\n', 'stages: [build, test, deploy]\n'],
    ['custom stages only: appended', 'stages: [prepare, train]\n', 'stages: [prepare, train, test]\n'],
  ])('%s', (_label, before, after) => {
    expect(ensureStage(before, 'test')).toBe(after);
  });

  it.each([
    ['dvc-repro:\n  stage: train\n  script: [x]\n', 'train'],
    ['dvc-repro:\n  script: [x]\n', 'test'],
  ])('firstJobStage of %j is %s', (text, stage) => {
    expect(firstJobStage(text)).toBe(stage);
  });
});

describe('the included job\'s stage when stages: lives in an included file', () => {
  const files: Record<string, string> = {
    'ci/stages.yml': 'stages:\n  - build\n  - deploy\n',
    'ci/all.yml': 'stages: [build, test]\n',
  };
  const read = (f: string) => files[f];

  it('adds a stages: with the included list and the stage', () => {
    const text = `include:\n  - local: ci/stages.yml\n  - local: ${F}\n\nbuild:\n  script: [make]\n`;
    const out = ensureStageAcrossIncludes(text, 'test', read);
    expect(stagesOf(out)).toEqual(['build', 'test', 'deploy']);
    expect(out).toContain(`  - local: ${F}\n\n# The stages of ci/stages.yml`);
    expect(out.endsWith('build:\n  script: [make]\n')).toBe(true);
  });

  it.each([
    ['the included stages already have it', `include:\n  - local: ci/all.yml\n`],
    ['the file has its own stages:', `include: ci/stages.yml\nstages: [test]\n`],
    ['no included file declares stages', `include:\n  - local: ci/none.yml\n`],
  ])('leaves the file alone when %s', (_label, text) => {
    expect(ensureStageAcrossIncludes(text, 'test', read)).toBe(text);
  });

  it.each([
    ['bare item', 'include:\n  - ci/a.yml\n', ['ci/a.yml']],
    ['string', "include: '/ci/a.yml'\n", ['/ci/a.yml']],
    ['flow mapping', 'include:\n  - { local: ci/a.yml }\n', ['ci/a.yml']],
    ['project and remote includes are not local', 'include:\n  - project: g/p\n    file: x.yml\n  - remote: https://x/y.yml\n  - local: b.yml\n', ['b.yml']],
  ])('localIncludes: %s', (_label, text, expected) => {
    expect(localIncludes(text)).toEqual(expected);
  });
});

describe('editWithoutBom', () => {
  it('edits after the byte order mark and keeps it in front', () => {
    const out = editWithoutBom('\uFEFFinclude:\n  - a.yml\n', (t) => addLocalInclude(t, F));
    expect(out).toBe(`\uFEFFinclude:\n  - a.yml\n  - local: ${F}\n`);
  });
});
