import { describe, expect, it } from 'vitest';
import { addLocalInclude, ensureStage, firstJobStage } from './gitlab-include.js';

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
