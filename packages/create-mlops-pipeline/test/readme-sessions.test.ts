import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_VERSION } from '@mlops-pipeline/templates';
import { PKG_DIR } from './helpers.js';
import { HAS_SCRIPT } from './pty.js';

interface Recorder {
  recordSessions(version: string): Promise<Map<string, string>>;
  readmeSessions(): Map<string, { version: string; text: string }>;
  olderVersion(version: string): string;
  renderScreen(raw: string): string;
}

const SCRIPT = path.join(PKG_DIR, 'scripts/record-sessions.mjs');
const load = async () => (await import(pathToFileURL(SCRIPT).href)) as Recorder;

/** A session with its templates version (and the older one it stages) replaced by placeholders. */
function normalise(text: string, version: string, older: string): string {
  return text.replaceAll(older, '<older>').replaceAll(version, '<version>');
}

describe('renderScreen', () => {
  it('follows the cursor moves and erases prompts use', async () => {
    const { renderScreen } = await load();
    const raw = ['\x1b[36m◆\x1b[39m  Question?\r\n│  ● Yes / ○ No\r\n└\r\n', '\x1b[999D\x1b[3A\x1b[J', '◇  Question?\r\n│  Yes\r\n', 'done\x1b[K\r\n'].join('');
    expect(renderScreen(raw)).toBe('◇  Question?\n│  Yes\ndone');
  });
});

describe.skipIf(!HAS_SCRIPT)('README recorded sessions', () => {
  if (!HAS_SCRIPT) console.warn('skipping the README session check: util-linux `script` is not installed');

  it('match what the CLI prints today (node scripts/record-sessions.mjs --write updates them)', async () => {
    const recorder = await load();
    const inReadme = recorder.readmeSessions();
    const fresh = await recorder.recordSessions(TEMPLATES_VERSION);
    expect([...inReadme.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [id, text] of fresh) {
      const recorded = inReadme.get(id);
      if (!recorded) throw new Error(`README.md has no session ${id}`);
      expect(normalise(recorded.text, recorded.version, recorder.olderVersion(recorded.version)), `README session "${id}" is stale: run node scripts/record-sessions.mjs --write`).toBe(
        normalise(text, TEMPLATES_VERSION, recorder.olderVersion(TEMPLATES_VERSION)),
      );
    }
  }, 90_000);
});
