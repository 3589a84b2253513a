/** `--fix` through the engine: every safe rule fix at once, comments and layout kept. */
import { describe, expect, it } from 'vitest';
import { fixText } from '../index.js';
import { tempRepo, yaml } from '../../test/rule-tester.js';

describe('rule fixes applied together', () => {
  it('pins DVC to the requirements version, pins actions, quotes Python and renames CML commands', async () => {
    const cwd = tempRepo({ 'requirements.txt': '# pinned for CI\ndvc[gs]==3.50.1\n' });
    const before = yaml`
      # Train on every push.
      on: push
      permissions:
        contents: read
      jobs:
        train:
          runs-on: ubuntu-24.04
          steps:
            - uses: actions/checkout@main # moves!
            - uses: actions/setup-python@v5
              with:
                python-version: 3.10 # a number to YAML
            - uses: treeverse/setup-dvc@v2
            - run: |
                pip install dvc[gs] pandas
                dvc repro --pull
                cml-send-comment report.md
`;
    const after = yaml`
      # Train on every push.
      on: push
      permissions:
        contents: read
      jobs:
        train:
          runs-on: ubuntu-24.04
          steps:
            - uses: actions/checkout@v5.0.0 # moves!
            - uses: actions/setup-python@v5
              with:
                python-version: '3.10' # a number to YAML
            - uses: treeverse/setup-dvc@v2
              with:
                version: '3.50.1'
            - run: |
                pip install dvc[gs]==3.50.1 pandas
                dvc repro --pull
                cml comment create report.md
`;
    const { output, diagnostics } = await fixText(before, '.github/workflows/ci.yml', { cwd });
    expect(output).toBe(after);
    expect(diagnostics.filter((d) => d.fix).map((d) => `${d.line} ${d.ruleId}`)).toEqual([]);
  });
});
