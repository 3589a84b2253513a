import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from './args.js';
import { HELP } from './help.js';
import { PKG_DIR } from './test-helpers.js';

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
