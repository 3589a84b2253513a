#!/usr/bin/env node
// Records the README's sessions: runs the built CLI in a pseudo-terminal (util-linux `script`) on
// copies of examples/dvc-project, answers the prompts, and renders what the terminal ends up showing.
//
//   node scripts/record-sessions.mjs          print the sessions
//   node scripts/record-sessions.mjs --write  replace them in README.md
//
// test/readme-sessions.test.ts checks that README.md matches a fresh recording.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = path.resolve(PKG_DIR, '../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/dvc-project');
const BIN = path.join(PKG_DIR, 'dist/cli.cjs');
export const README = path.join(PKG_DIR, 'README.md');
const COLUMNS = 200;

export const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * What a terminal shows after `raw` was written to it: a screen model that follows the cursor moves
 * and erases the prompts use (CR, LF, CSI A/B/C/D/G/J/K), ignoring colours. Lines never wrap.
 * @param {string} raw
 */
export function renderScreen(raw) {
  /** @type {string[][]} */
  const lines = [[]];
  let row = 0;
  let col = 0;
  const line = () => (lines[row] ??= []);
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\x1b' && raw[i + 1] === '[') {
      const m = /^\x1b\[([?\d;]*)([A-Za-z])/.exec(raw.slice(i));
      if (!m) continue;
      i += m[0].length - 1;
      const n = Number(m[1] || '1') || 1;
      switch (m[2]) {
        case 'A': row = Math.max(0, row - n); break;
        case 'B': row += n; break;
        case 'C': col += n; break;
        case 'D': col = Math.max(0, col - n); break;
        case 'G': col = n - 1; break;
        case 'K': line().length = m[1] === '2' ? 0 : Math.min(line().length, col); break;
        case 'J': line().length = Math.min(line().length, col); lines.length = row + 1; break;
        default: break; // colours, cursor visibility
      }
      continue;
    }
    if (ch === '\x1b') continue;
    if (ch === '\r') col = 0;
    else if (ch === '\n') { row++; col = 0; }
    else if (ch === '\b') col = Math.max(0, col - 1);
    else {
      const l = line();
      while (l.length < col) l.push(' ');
      l[col++] = ch;
    }
  }
  for (let r = 0; r <= row; r++) lines[r] ??= [];
  return lines.map((l) => l.join('').replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');
}

/**
 * Runs a shell command in a pseudo-terminal, typing each step's keys once its text is on screen.
 * @param {string} command
 * @param {string} cwd
 * @param {Array<[string, string]>} steps
 * @returns {Promise<{ code: number | null; screen: string }>}
 */
function runInPty(command, cwd, steps) {
  const env = { ...process.env, TERM: 'xterm-256color', FORCE_COLOR: '0' };
  for (const k of Object.keys(env)) if (k === 'CI' || k.startsWith('GITHUB_') || k.startsWith('GITLAB_')) delete env[k];
  const child = spawn('script', ['-qfec', `stty cols ${COLUMNS} rows 50; ${command}`, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let step = 0;
  let consumed = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${JSON.stringify(steps[step]?.[0])}:\n${renderScreen(raw)}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      raw += d.toString('utf8');
      while (step < steps.length) {
        const [waitFor, keys] = steps[step];
        const at = raw.indexOf(waitFor, consumed);
        if (at === -1) break;
        consumed = at + waitFor.length;
        step++;
        setTimeout(() => child.stdin.write(keys), 200);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ code, screen: renderScreen(raw) });
    });
  });
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

function exampleRepo(parent, name, origin, files = {}) {
  const dir = path.join(parent, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  if (origin) spawnSync('git', ['-C', dir, 'remote', 'add', 'origin', origin]);
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    spawnSync('mkdir', ['-p', path.dirname(full)]);
    writeFileSync(full, text);
  }
  return dir;
}

/**
 * A file as the generator of an older version wrote it: `edit` applied, and the body hash under the
 * header recomputed (as src/body-hash.ts does), so upgrade sees a file nobody edited by hand.
 * @param {string} file @param {(text: string) => string} edit
 */
function rewriteAsGenerated(file, edit) {
  const prefix = '# mlops-pipeline-body: sha256:';
  const body = edit(readFileSync(file, 'utf8')).split('\n').filter((l) => !l.startsWith(prefix)).join('\n');
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.startsWith('# mlops-pipeline: {'));
  if (at !== -1) lines.splice(at + 1, 0, `${prefix}${createHash('sha256').update(body).digest('hex').slice(0, 32)}`);
  writeFileSync(file, lines.join('\n'));
}

/** A version older than `v` (what a pipeline generated by earlier templates records). */
export function olderVersion(v) {
  const [major = 0, minor = 0, patch = 0] = v.split(/[.-]/).map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.0`;
  if (major > 0) return `${major - 1}.9.0`;
  return `${v}-rc.1`;
}

/**
 * One README session: the commands as a user types them and what the terminal shows.
 * @typedef {{ id: string; setup: (parent: string) => string; commands: Array<{ shown: string; run: string; steps?: Array<[string, string]> }> }} Session
 */

const EXISTING_GITLAB_CI = 'stages: [test]\nunit:\n  stage: test\n  image: python:3.12\n  script:\n    - python -m pytest\n';
const EXISTING_CML_WORKFLOW = 'name: train\non: [push]\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: iterative/setup-cml@v2\n      - env:\n          GCP_SERVICE_ACCOUNT_KEY: ${{ secrets.GCP_SERVICE_ACCOUNT_KEY }}\n        run: |\n          dvc pull\n          dvc repro\n          cml comment create report.md\n';
const SSH_CONFIG = "[core]\n    remote = nas\n['remote \"nas\"']\n    url = ssh://dvc@storage.acme.example:2222/srv/dvc/ml\n";
const S3_CONFIG = "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://acme-ml-data/dvcstore\n";

/** @param {string} version @returns {Session[]} */
export function sessions(version) {
  const cli = `${q(process.execPath)} ${q(BIN)}`;
  const older = olderVersion(version);
  return [
    {
      id: 'github',
      setup: (parent) => exampleRepo(parent, 'ml', 'git@github.com:acme/ml.git'),
      commands: [{ shown: 'npm create mlops-pipeline@latest', run: cli, steps: [['Generate the pipeline with these values?', '\r']] }],
    },
    {
      id: 'gitlab',
      setup: (parent) => exampleRepo(parent, 'ml', 'git@gitlab.com:acme/ml.git', { '.gitlab-ci.yml': EXISTING_GITLAB_CI }),
      commands: [
        { shown: 'npm create mlops-pipeline@latest', run: cli, steps: [['Generate the pipeline with these values?', '\r'], ['What should happen to it?', '\r']] },
        { shown: 'cat .gitlab-ci.yml', run: 'cat .gitlab-ci.yml' },
      ],
    },
    {
      id: 'non-interactive',
      setup: (parent) => exampleRepo(parent, 'ml', undefined, { '.dvc/config': S3_CONFIG, 'requirements.txt': 'dvc[s3]==3.63.0\n' }),
      commands: [
        { shown: 'npx create-mlops-pipeline < /dev/null', run: `${cli} < /dev/null` },
        { shown: 'git remote add origin https://gitlab.example.com/acme/ml.git', run: 'git remote add origin https://gitlab.example.com/acme/ml.git' },
        {
          shown: 'npx create-mlops-pipeline --keyless --input role-to-assume=arn:aws:iam::123456789012:role/dvc-ci --yes',
          run: `${cli} --keyless --input role-to-assume=arn:aws:iam::123456789012:role/dvc-ci --yes`,
        },
      ],
    },
    {
      id: 'monorepo',
      setup: (parent) => {
        const dir = path.join(parent, 'ml');
        spawnSync('mkdir', ['-p', dir]);
        spawnSync('git', ['init', '-q', '-b', 'main', dir]);
        spawnSync('git', ['-C', dir, 'remote', 'add', 'origin', 'git@github.com:acme/ml.git']);
        for (const project of ['churn', 'fraud']) cpSync(EXAMPLE, path.join(dir, 'projects', project), { recursive: true });
        return dir;
      },
      commands: [{ shown: 'npx create-mlops-pipeline --yes --no-lint', run: `${cli} --yes --no-lint` }],
    },
    {
      id: 'existing-ci',
      setup: (parent) => exampleRepo(parent, 'ml', 'git@github.com:acme/ml.git', { '.github/workflows/train.yml': EXISTING_CML_WORKFLOW }),
      commands: [{ shown: 'npx create-mlops-pipeline --yes', run: `${cli} --yes` }],
    },
    {
      id: 'ssh',
      setup: (parent) => exampleRepo(parent, 'ml', 'git@gitlab.com:acme/ml.git', { '.dvc/config': SSH_CONFIG, 'requirements.txt': 'dvc[ssh]==3.63.0\n' }),
      commands: [{ shown: 'npx create-mlops-pipeline --yes', run: `${cli} --yes` }],
    },
    {
      id: 'upgrade',
      setup: (parent) => {
        const dir = exampleRepo(parent, 'ml', 'git@github.com:acme/ml.git');
        spawnSync(process.execPath, [BIN, '--yes', '--no-lint'], { cwd: dir });
        const file = path.join(dir, '.github/workflows/mlops.yml');
        rewriteAsGenerated(file, (text) => text.replaceAll(`templates ${version} from`, `templates ${older} from`).replaceAll(`"version":"${version}"`, `"version":"${older}"`));
        return dir;
      },
      commands: [{ shown: 'npx create-mlops-pipeline upgrade --yes', run: `${cli} upgrade --yes` }],
    },
    {
      id: 'fleet',
      setup: (parent) => {
        const a = exampleRepo(parent, 'churn', 'git@github.com:acme/churn.git');
        const b = exampleRepo(parent, 'fraud', 'git@gitlab.com:acme/fraud.git');
        exampleRepo(parent, 'forecast', 'git@github.com:acme/forecast.git');
        spawnSync(process.execPath, [BIN, '--yes', '--no-lint'], { cwd: a });
        spawnSync(process.execPath, [BIN, '--yes', '--no-lint', '--mode', 'pinned'], { cwd: b });
        const file = path.join(a, '.github/workflows/mlops.yml');
        rewriteAsGenerated(file, (text) => text.replaceAll(`"version":"${version}"`, `"version":"${older}"`));
        return parent;
      },
      commands: [{ shown: 'npx create-mlops-pipeline fleet churn fraud forecast', run: `${cli} fleet churn fraud forecast` }],
    },
  ];
}

/** @param {Session} session */
async function record(session) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'cmp-session-'));
  try {
    const cwd = session.setup(parent);
    const parts = [];
    for (const c of session.commands) {
      const { code, screen } = await runInPty(c.run, cwd, c.steps ?? []);
      parts.push(`$ ${c.shown}${screen ? `\n${screen}` : ''}${code ? `\n(exit ${code})` : ''}`);
    }
    return parts.join('\n');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/** Records every session: id → text. */
export async function recordSessions(version) {
  const out = new Map();
  for (const s of sessions(version)) out.set(s.id, await record(s));
  return out;
}

const START = (id) => new RegExp(`<!-- session:${id} templates=(\\S+) -->\\n`);

/** The sessions in README.md: id → { version recorded with, text }. */
export function readmeSessions(text = readFileSync(README, 'utf8')) {
  const out = new Map();
  for (const m of text.matchAll(/<!-- session:([\w-]+) templates=(\S+) -->\n```text\n([\s\S]*?)\n```\n<!-- session:\1:end -->/g)) {
    out.set(m[1], { version: m[2], text: m[3] });
  }
  return out;
}

export async function templatesVersion() {
  const t = await import('@mlops-pipeline/templates');
  return t.TEMPLATES_VERSION;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = await templatesVersion();
  const recorded = await recordSessions(version);
  if (process.argv.includes('--write')) {
    let readme = readFileSync(README, 'utf8');
    for (const [id, text] of recorded) {
      const block = `<!-- session:${id} templates=${version} -->\n\`\`\`text\n${text}\n\`\`\`\n<!-- session:${id}:end -->`;
      const re = new RegExp(`<!-- session:${id} templates=\\S+ -->\\n[\\s\\S]*?<!-- session:${id}:end -->`);
      if (!re.test(readme)) throw new Error(`README.md has no ${START(id).source} … <!-- session:${id}:end --> block`);
      readme = readme.replace(re, () => block);
    }
    writeFileSync(README, readme);
    console.log(`README.md: ${recorded.size} sessions recorded with templates ${version}`);
  } else {
    for (const [id, text] of recorded) console.log(`== ${id}\n${text}\n`);
  }
}
