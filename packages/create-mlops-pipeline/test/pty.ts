import { spawn, spawnSync } from 'node:child_process';
import { BIN } from './helpers.js';

export const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

export interface PtyStep {
  /** Text to wait for in the (ANSI-stripped) screen output before sending. */
  waitFor: string;
  send: string;
}

export interface PtyResult {
  code: number | null;
  output: string;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const strip = (s: string) => s.replace(ANSI, '').replace(/\r/g, '');

/**
 * Runs the built bin in a real pseudo-terminal (util-linux `script`), answering prompts as they appear.
 * Each step waits for its text (counting occurrences after the previous step) and then types `send`.
 */
export function runInPty(args: string[], cwd: string, steps: PtyStep[], timeoutMs = 20_000): Promise<PtyResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && !k.startsWith('GITHUB_') && !k.startsWith('GITLAB_')) env[k] = v;
  env['TERM'] = 'xterm-256color';
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', `stty cols 120 rows 50; exec ${quoted}`, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let consumed = 0;
  let step = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pty timed out waiting for ${JSON.stringify(steps[step]?.waitFor)}; screen:\n${strip(raw)}`));
    }, timeoutMs);
    const advance = () => {
      while (step < steps.length) {
        const s = steps[step] as PtyStep;
        const screen = strip(raw);
        const at = screen.indexOf(s.waitFor, consumed);
        if (at === -1) return;
        consumed = at + s.waitFor.length;
        step++;
        // Let the prompt finish rendering and start reading before typing.
        setTimeout(() => child.stdin.write(s.send), 150);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      raw += d.toString('utf8');
      advance();
    });
    child.stderr.on('data', (d: Buffer) => {
      raw += d.toString('utf8');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ code, output: strip(raw) });
    });
  });
}
