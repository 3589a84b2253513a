import { pythonPinned } from './python-pinned.js';
import { ruleTester, yaml } from '../../test/rule-tester.js';

const gh = (withBlock: string) => yaml`
  on: push
  jobs:
    t:
      runs-on: ubuntu-24.04
      steps:
        - uses: actions/setup-python@v5
${withBlock}`;

ruleTester(pythonPinned, {
  github: {
    valid: [
      gh("          with:\n            python-version: '3.12'"),
      gh('          with:\n            python-version: 3.11'),
      gh('          with:\n            python-version-file: .python-version'),
      gh('          with:\n            python-version: ${{ matrix.python }}'),
    ],
    invalid: [
      { name: 'no python-version', code: gh(''), errors: [{ line: 6, column: 15, message: 'setup-python without `python-version`' }] },
      { name: '3.x floats (corpus: Asad-Ismail)', code: gh("          with:\n            python-version: '3.x'"), errors: [{ line: 8, column: 27, message: "floats to a new Python when one is released: pin a minor version such as '3.12'" }] },
      {
        name: 'unquoted 3.10 is 3.1',
        code: gh('          with:\n            python-version: 3.10'),
        errors: [{ line: 8, column: 27, message: "`python-version: 3.10` is read by YAML as the number 3.1: quote it ('3.10')" }],
        output: gh("          with:\n            python-version: '3.10'"),
      },
    ],
  },
  gitlab: {
    valid: [
      yaml`
        train:
          image: python:3.12-slim
          script: [make]`,
      { name: 'latest is image-pinned\'s finding', code: yaml`
        train:
          image: python:latest
          script: [make]` },
    ],
    invalid: [
      {
        code: yaml`
          train:
            image: python:3
            script: [make]`,
        errors: [{ line: 2, column: 10, message: 'image `python:3` floats to a new Python' }],
      },
      {
        code: yaml`
          train:
            image: python:slim-bookworm
            script: [make]`,
        errors: [{ line: 2, column: 10, message: 'image `python:slim-bookworm` floats' }],
      },
    ],
  },
});
