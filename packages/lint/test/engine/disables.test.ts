import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { finder, quiet } from './helpers.js';

const lint = (text: string) => lintText(text, '.github/workflows/a.yml', { config: quiet, rules: [finder('dvc')] });
const wf = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`;

describe('inline disables', () => {
  it.each([
    ['next-line with reason', '      # mlops-lint-disable-next-line find -- pulled by the image\n      - run: dvc pull\n', []],
    ['same line', '      - run: dvc pull # mlops-lint-disable-line find -- ok\n', []],
    ['all rules', '      # mlops-lint-disable-next-line -- generated file\n      - run: dvc pull\n', []],
    ['block until enable', '      # mlops-lint-disable find -- legacy\n      - run: dvc pull\n      # mlops-lint-enable find\n      - run: dvc repro\n', [['find', 9]]],
    ['other rule only', '      # mlops-lint-disable-next-line other-rule -- x\n      - run: dvc pull\n', [['unused-disable', 6], ['find', 7]]],
    ['unused', '      # mlops-lint-disable-next-line find -- x\n      - run: echo\n', [['unused-disable', 6]]],
    ['no reason', '      # mlops-lint-disable-next-line find\n      - run: dvc pull\n', [['disable-reason', 6]]],
  ])('%s', async (_name, steps, expected) => {
    const d = await lint(wf(steps));
    expect(d.map((x) => [x.ruleId, x.line])).toEqual(expected);
  });

  it('reports unused disables as warnings at the comment', async () => {
    const [d] = await lint(wf('      - run: echo # mlops-lint-disable-line find -- x\n'));
    expect(d).toMatchObject({ ruleId: 'unused-disable', severity: 'warning', line: 6, column: 19 });
    expect(d!.docsUrl).toBe('https://github.com/mlops-pipeline/mlops-pipeline/blob/main/packages/lint/docs/rules/unused-disable.md');
  });

  it('calls a disable naming an unknown rule a typo', async () => {
    const d = await lint(wf('      # mlops-lint-disable-next-line fnid -- typo\n      - run: dvc pull\n'));
    expect(d.map((x) => [x.ruleId, x.line, x.message])).toEqual([
      ['unused-disable', 6, 'Disable comment names unknown rule `fnid`'],
      ['find', 7, 'found dvc in a'],
    ]);
  });

  it('can turn unused-disable off in config', async () => {
    const d = await lintText(wf('      # mlops-lint-disable-next-line find -- x\n      - run: echo\n'), '.github/workflows/a.yml', { config: { rules: { 'unused-disable': 'off' } }, rules: [finder('dvc')] });
    expect(d).toEqual([]);
  });
});
