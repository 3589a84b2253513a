import { imagePinned } from './image-pinned.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

ruleTester(imagePinned, {
  gitlab: {
    valid: [
      yaml`
        train:
          image: python:3.12-slim
          services:
            - docker:25.0.3-dind
          script: [make]`,
      yaml`
        train:
          image: $CI_REGISTRY_IMAGE/train:$CI_COMMIT_SHA
          script: [make]`,
      { name: 'allow option', code: yaml`
        train:
          image: registry.example.com/ml/trainer:latest
          script: [make]`, files: { '.mlops-lint.yaml': 'rules:\n  image-pinned: [error, {allow: ["registry.example.com/ml/*"]}]\n' } },
      { name: '--strict accepts digests', code: yaml`
        train:
          image: python:3.12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          script: [make]`, strict: true },
    ],
    invalid: [
      {
        code: yaml`
          train:
            image: python
            services:
              - name: docker:latest
            script: [make]`,
        errors: [
          { line: 2, column: 10, message: 'image `python` has no tag' },
          { line: 4, column: 13, message: 'image `docker:latest` follows `latest`' },
        ],
      },
      { name: '--strict wants digests', code: yaml`
        train:
          image: python:3.12
          script: [make]`, strict: true, errors: [{ line: 2, column: 10, message: '--strict requires a digest' }] },
    ],
  },
  github: {
    valid: [],
    invalid: [
      {
        name: 'corpus: deploy_on_release',
        code: yaml`
          on: release
          jobs:
            run:
              runs-on: [ubuntu-latest]
              container: docker://dvcorg/cml-py3:latest
              steps:
                - uses: docker://alpine`,
        errors: [
          { line: 5, column: 16, message: 'follows `latest`' },
          { line: 7, column: 15, message: 'has no tag' },
        ],
      },
    ],
  },
});
