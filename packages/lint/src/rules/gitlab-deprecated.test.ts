import { describe, expect, it } from 'vitest';
import { gitlabDeprecated } from './gitlab-deprecated.js';
import { lintWithRule, ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(gitlabDeprecated, {
  gitlab: {
    valid: [
      yaml`
        train:
          rules:
            - if: $CI_COMMIT_BRANCH == "main"
          id_tokens:
            AWS_TOKEN:
              aud: sts.amazonaws.com
          script:
            - echo "$AWS_TOKEN" > token  # CI_JOB_JWT_V2 is gone`,
    ],
    invalid: [
      {
        name: 'corpus: iterative/cml',
        code: yaml`
          deploy-runner:
            only:
              refs: [master]
            script:
              - >
                aws sts assume-role-with-web-identity
                --web-identity-token="$CI_JOB_JWT_V2"
          .base:
            except: [tags]`,
        errors: [
          { line: 2, column: 3, message: '`only:` is deprecated: express when job "deploy-runner" runs with `rules:`' },
          { line: 7, column: 30, message: '`CI_JOB_JWT_V2` was removed in GitLab 17.0' },
          { line: 9, column: 3, message: '`except:`' },
        ],
      },
    ],
  },
});

describe('gitlab-deprecated through includes, extends and !reference', () => {
  it('reports `only:` of a job from a local include at the included file position', async () => {
    const found = await lintWithRule(gitlabDeprecated, 'include: ci/train.yml\n', '.gitlab-ci.yml', {
      code: '',
      files: { 'ci/train.yml': 'train:\n  image: python:3.12\n  only: [main]\n  script: [dvc repro]\n' },
    });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['ci/train.yml:3:3 `only:` is deprecated: express when job "train" runs with `rules:`']);
  });

  it('reports `except:` inherited through `extends:` once, where it is written', async () => {
    const code = yaml`
      include: ci/base.yml
      train:
        extends: .base
        script: [dvc repro]
      evaluate:
        extends: .base
        script: [dvc metrics show]`;
    const found = await lintWithRule(gitlabDeprecated, code, '.gitlab-ci.yml', { code, files: { 'ci/base.yml': '.base:\n  except: [tags]\n' } });
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['ci/base.yml:2:3 `except:` is deprecated: express when job ".base" runs with `rules:`']);
  });

  it('reports a `!reference` to deprecated keys where the job uses it', async () => {
    const code = yaml`
      .triggers:
        refs: [main]
      train:
        only: !reference [.triggers, refs]
        script: [dvc repro]`;
    const found = await lintWithRule(gitlabDeprecated, code, '.gitlab-ci.yml', { code });
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['4:3']);
  });
});
