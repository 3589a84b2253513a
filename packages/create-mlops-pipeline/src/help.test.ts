import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS, parseCli } from './args.js';
import { HELP } from './help.js';
import { PKG_DIR } from '../test/helpers.js';

const README = readFileSync(path.join(PKG_DIR, 'README.md'), 'utf8');
const flags = Object.entries(OPTIONS).map(([name, o]) => [name, 'short' in o ? o.short : undefined] as const);

describe('--help and the README document every flag', () => {
  it.each(flags)('--%s', (name, short) => {
    expect(HELP).toMatch(new RegExp(`^ {2}.*--${name}\\b`, 'm'));
    expect(README).toMatch(new RegExp(`^\\|.*\`--${name}\\b`, 'm'));
    if (short) {
      expect(HELP).toContain(`-${short}, --${name}`);
      expect(README).toContain(`\`-${short}\`, \`--${name}\``);
    }
  });

  it('--help has examples for create, pinned, upgrade and fleet', () => {
    const examples = HELP.slice(HELP.indexOf('Examples'));
    for (const e of ['npm create mlops-pipeline@latest', '--mode pinned', 'upgrade', 'fleet', '--keyless']) expect(examples).toContain(e);
  });
});

describe('each command takes its own flags', () => {
  it.each([
    [['fleet', '.', '--python', '3.12'], 'create-mlops-pipeline fleet does not take --python (create); run create-mlops-pipeline fleet --help for its options'],
    [['upgrade', '--json'], 'create-mlops-pipeline upgrade does not take --json (fleet); run create-mlops-pipeline upgrade --help for its options'],
    [['--fail-on-outdated'], 'create-mlops-pipeline does not take --fail-on-outdated (fleet); run create-mlops-pipeline --help for its options'],
  ])('%j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });

  it('upgrade takes --python, --dvc and --input; fleet takes --json', () => {
    expect(parseCli(['upgrade', '--python', '3.11', '--dvc', '3.60.0', '--input', 'push=true', '--yes'])).toMatchObject({ command: 'upgrade', python: '3.11' });
    expect(parseCli(['fleet', 'a', 'b', '--json'])).toMatchObject({ command: 'fleet', json: true });
  });
});
