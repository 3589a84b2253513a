// Peer tools, installed at bench time outside the workspace: npm peers into bench/.work/peers
// (pinned versions), Debian peers with apt-get when missing. A peer that cannot be installed is
// reported as skipped with the reason; nothing here throws.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { log, tryOutput, workDir } from './env.mjs';

export const NPM_PEERS = {
  spectral: { pkg: '@stoplight/spectral-cli', version: '6.16.3', bin: 'dist/index.js' },
  actionValidator: { pkg: '@action-validator/cli', version: '0.6.0', bin: 'cli.mjs', with: ['@action-validator/core@0.6.0'] },
};

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const peersPrefix = path.join(workDir, 'peers');

function installedVersion(pkg) {
  const file = path.join(peersPrefix, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureNpmPeers(skipInstall) {
  const missing = Object.values(NPM_PEERS).filter((p) => installedVersion(p.pkg) !== p.version);
  if (missing.length > 0 && !skipInstall) {
    const specs = missing.flatMap((p) => [`${p.pkg}@${p.version}`, ...(p.with ?? [])]);
    log(`installing npm peers into ${path.relative(process.cwd(), peersPrefix) || peersPrefix}: ${specs.join(' ')}`);
    mkdirSync(peersPrefix, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', peersPrefix, '--no-audit', '--no-fund', '--prefer-offline', '--no-save', ...specs], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    if (r.status !== 0) log(`npm install failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  const out = {};
  for (const [key, p] of Object.entries(NPM_PEERS)) {
    const v = installedVersion(p.pkg);
    const bin = path.join(peersPrefix, 'node_modules', p.pkg, p.bin);
    if (v === p.version && existsSync(bin)) out[key] = { name: `${p.pkg}@${v}`, argv: [process.execPath, bin] };
    else out[key] = { name: `${p.pkg}@${p.version}`, skipped: v ? `version ${v} installed, ${p.version} wanted` : 'npm install failed or offline' };
  }
  return out;
}

const has = (cmd, args = ['--version']) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const pythonHas = () => spawnSync(PYTHON, ['-c', 'import jsonschema, yaml'], { stdio: 'ignore' }).status === 0;

const DEBIAN = [
  { key: 'hyperfine', pkg: 'hyperfine', ok: () => has('hyperfine') },
  { key: 'gnuTime', pkg: 'time', ok: () => existsSync('/usr/bin/time') },
  { key: 'yamllint', pkg: 'yamllint', ok: () => has('yamllint') },
  { key: 'jsonschema', pkg: 'python3-jsonschema python3-yaml', ok: pythonHas },
];

function ensureDebianPeers(skipInstall) {
  const missing = DEBIAN.filter((d) => !d.ok());
  if (missing.length > 0 && !skipInstall) {
    const pkgs = missing.flatMap((d) => d.pkg.split(' '));
    const isRoot = process.getuid?.() === 0;
    if (!has('apt-get', ['--version'])) log(`cannot install ${pkgs.join(' ')}: apt-get not available`);
    else if (!isRoot) log(`cannot install ${pkgs.join(' ')}: not root (run: sudo apt-get install -y ${pkgs.join(' ')})`);
    else {
      log(`installing Debian peers: apt-get install -y ${pkgs.join(' ')}`);
      let r = spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'ignore', timeout: 240_000 });
      if (r.status !== 0) {
        spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 180_000 });
        r = spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'ignore', timeout: 240_000 });
      }
      if (r.status !== 0) log(`apt-get install ${pkgs.join(' ')} failed (exit ${r.status})`);
    }
  }
  const dpkgVersion = (pkg) => tryOutput('dpkg-query', ['-W', '-f=${Version}', pkg]);
  const out = {};
  for (const d of DEBIAN) {
    const main = d.pkg.split(' ')[0];
    const v = dpkgVersion(main);
    out[d.key] = d.ok() ? { name: `${main}${v ? ` ${v}` : ''}` } : { name: main, skipped: `not installed (apt-get install -y ${d.pkg})` };
  }
  if (!out.yamllint.skipped) out.yamllint.argv = ['yamllint'];
  if (!out.jsonschema.skipped) {
    out.jsonschema.argv = [PYTHON];
    const pyv = tryOutput(PYTHON, ['-c', 'import sys, yaml; print(sys.version.split()[0], "libyaml" if hasattr(yaml, "CSafeLoader") else "pure-python yaml")']);
    if (pyv) out.jsonschema.name += ` (python ${pyv})`;
  }
  return out;
}

/** All peers, keyed: spectral, actionValidator, yamllint, jsonschema, hyperfine, gnuTime. */
export function ensurePeers({ skipInstall = false } = {}) {
  const peers = { ...ensureDebianPeers(skipInstall), ...ensureNpmPeers(skipInstall) };
  for (const [key, p] of Object.entries(peers)) log(p.skipped ? `skipped: ${p.name} (${p.skipped})` : `peer ${key}: ${p.name}`);
  return peers;
}
