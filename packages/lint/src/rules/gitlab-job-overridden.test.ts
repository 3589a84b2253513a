import { describe, expect, it } from 'vitest';
import { gitlabJobOverridden } from './gitlab-job-overridden.js';
import { lintWithRule, ruleTester, yaml } from '../../test/rule-tester.js';

const train = 'train:\n  image: python:3.12\n  script: [dvc repro]\n';

ruleTester(gitlabJobOverridden, {
  gitlab: {
    valid: [
      { name: 'an include extended under a new name', files: { 'ci/train.yml': '.train:\n  script: [dvc repro]\n' }, code: yaml`
        include:
          - local: ci/train.yml
        train:
          extends: .train
          image: python:3.12` },
      { name: 'one file included twice is one definition', files: { 'ci/train.yml': train }, code: yaml`
        include:
          - local: ci/train.yml
          - local: ci/train.yml` },
    ],
    invalid: [
      {
        name: 'the including file redefines an included job',
        files: { 'ci/train.yml': train },
        code: yaml`
          include:
            - local: ci/train.yml
          train:
            script: [make train]`,
        errors: [{ line: 3, column: 1, message: 'job "train" is also defined in ci/train.yml (line 1): GitLab merges the two and the keys written here silently replace the ones there' }],
      },
    ],
  },
});

describe('gitlab-job-overridden between includes', () => {
  it('reports the later of two includes defining the same job, in that file', async () => {
    const code = 'include:\n  - local: ci/a.yml\n  - local: ci/b.yml\n';
    const found = await lintWithRule(gitlabJobOverridden, code, '.gitlab-ci.yml', { code, files: { 'ci/a.yml': train, 'ci/b.yml': `stages: [test]\n${train}` } });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message.split(':')[0]}`)).toEqual(['ci/b.yml:2:1 job "train" is also defined in ci/a.yml (line 1)']);
  });
});
