import { ruleTester, yaml } from '../../test/rule-tester.js';
import { pathFromRoot } from './path-from-root.js';

const gh = (paths: string) => yaml`
  on:
    push:
      paths: [${paths}]
    pull_request:
      paths-ignore:
        - docs/**
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - run: dvc repro`;

const gl = (changes: string, lock: string) => yaml`
  .only-ml:
    rules:
      - changes:
          paths: [${changes}]
  train:
    extends: .only-ml
    cache:
      - key: pip
        paths: [.cache/pip]
      - key:
          files: [${lock}]
        paths: [.cache/dvc]
    script: [dvc repro]
  evaluate:
    extends: .only-ml
    script: [dvc exp show]`;

ruleTester(pathFromRoot, {
  github: {
    valid: [gh('ml/**, dvc.lock'), gh('"**/*.py"'), gh('.github/workflows/train.yml')],
    invalid: [
      {
        code: gh('./ml/**, dvc.lock'),
        errors: [{ line: 3, column: 13, message: 'GitHub matches `on.push.paths` against changed files by their path from the repository\'s root, which never starts with `./`, so `./ml/**` matches nothing: write `ml/**`' }],
        output: gh('ml/**, dvc.lock'),
      },
      { code: gh("'././params.yaml'"), errors: [{ line: 3, column: 13, message: 'write `params.yaml`' }], output: gh("'params.yaml'") },
    ],
  },
  gitlab: {
    valid: [gl('ml/**/*', 'dvc.lock'), gl('"$ML_DIR/**/*"', 'ml/dvc.lock'), yaml`
      workflow:
        rules:
          - exists: [dvc.yaml]
      train:
        script: [dvc repro]`],
    invalid: [
      {
        // Written once in the hidden job, inherited by two jobs: reported once, where it is written.
        code: gl('./ml/**/*', 'dvc.lock'),
        errors: [{ line: 4, column: 17, message: 'GitLab compares `rules:changes` with changed files by their path from the project\'s root, which never starts with `./`, so `./ml/**/*` matches nothing: write `ml/**/*`' }],
        output: gl('ml/**/*', 'dvc.lock'),
      },
      {
        code: gl('ml/**/*', './dvc.lock'),
        errors: [{ line: 11, column: 17, message: "GitLab looks `cache:key:files` up at the commit by the path from the project's root, so `./dvc.lock` names no file and the cache key falls back to `default`: write `dvc.lock`" }],
        output: gl('ml/**/*', 'dvc.lock'),
      },
      {
        code: yaml`
          workflow:
            rules:
              - exists:
                  - ./dvc.yaml
          train:
            only:
              changes: [./data/raw.dvc]
            script: [dvc repro]`,
        errors: [
          { line: 4, column: 11, message: 'so `./dvc.yaml` never exists and the rule never matches: write `dvc.yaml`' },
          { line: 7, column: 15, message: 'GitLab compares `only:changes` with changed files' },
        ],
      },
    ],
  },
});

ruleTester(pathFromRoot, {
  gitlab: {
    valid: [
      // A component's path built from an input: the caller's value decides it.
      yaml`
        spec:
          inputs:
            working-directory:
              default: .
        ---
        train:
          cache:
            key:
              files:
                - $[[ inputs.working-directory ]]/dvc.lock
                - dvc.lock
            paths: [.cache/dvc]
          script: [dvc repro]`,
    ],
    invalid: [],
  },
});
