import { gitlabStageUndefined } from './gitlab-stage-undefined.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(gitlabStageUndefined, {
  gitlab: {
    valid: [
      { name: 'default stages, and no stage (test)', code: yaml`
        build-data:
          stage: build
          script: [dvc pull]
        train:
          script: [dvc repro]
        cleanup:
          stage: .post
          script: [rm -rf cache]` },
      { name: 'stages from a local include', files: { 'ci/stages.yml': 'stages: [prepare, train]\n' }, code: yaml`
        include:
          - local: ci/stages.yml
        train:
          stage: train
          script: [dvc repro]
        setup:
          stage: .pre
          script: [dvc pull]` },
      { name: 'an include that is not read may define the stages', code: yaml`
        include:
          - project: my-group/ci
            file: stages.yml
        train:
          stage: train
          script: [dvc repro]` },
      { name: 'a stage from a CI/CD variable is only known at run time', code: yaml`
        stages: [train]
        train:
          stage: $STAGE
          script: [dvc repro]` },
    ],
    invalid: [
      {
        name: 'a stage missing from stages:, and a job without stage when test is not a stage',
        code: yaml`
          stages: [prepare, Train]
          train:
            stage: train
            script: [dvc repro]
          report:
            script: [dvc metrics show]`,
        errors: [
          { line: 3, column: 10, message: 'job "train": stage `train` is not a stage of this pipeline (stages: .pre, prepare, Train, .post) — did you mean `Train`?' },
          { line: 5, column: 1, message: 'job "report" has no `stage:`, so it runs in `test`' },
        ],
      },
      {
        name: 'default stages, and a stage set in an extended hidden job',
        code: yaml`
          .experiment:
            stage: experiment
          train:
            extends: .experiment
            script: [dvc repro]`,
        errors: [{ line: 2, column: 10, message: 'stage `experiment` is not a stage of this pipeline (stages: .pre, build, test, deploy, .post)' }],
      },
    ],
  },
});
