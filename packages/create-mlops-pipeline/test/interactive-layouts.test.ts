/** The questions real layouts raise, answered in a pseudo-terminal: which remote, which requirements, existing CI. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHeader } from '@mlops-pipeline/templates';
import { FIXTURES, makeFixture, removeFixture } from './fixture-repos.js';
import { HAS_SCRIPT, runInPty } from './pty.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) removeFixture(d);
});
function fixture(f: Parameters<typeof makeFixture>[0]): string {
  const dir = makeFixture(f);
  made.push(dir);
  return dir;
}
const DOWN = '\x1b[B';

describe.skipIf(!HAS_SCRIPT)('interactive choices on real layouts', () => {
  it('several remotes and no default: asks which one CI pulls from', async () => {
    const dir = fixture(FIXTURES.twoRemotes);
    const res = await runInPty([dir, '--no-lint'], dir, [
      { waitFor: 'Which one does CI pull from?', send: '\r' }, // minio
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
    ]);
    expect(res.code).toBe(0);
    expect(parseHeader(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8'))?.inputs['dvc-remote']).toBe('minio');
  });

  it('keyless Azure: asks for the client and tenant IDs nothing can infer, and checks their shape', async () => {
    const dir = fixture(FIXTURES.azureBlob);
    const res = await runInPty([dir, '--keyless', '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: 'azure-client-id:', send: 'not-a-guid\r' },
      { waitFor: 'a client ID such as', send: '\x15' + '11111111-2222-3333-4444-555555555555\r' },
      { waitFor: 'azure-tenant-id:', send: '66666666-7777-8888-9999-000000000000\r' },
    ]);
    expect(res.code).toBe(0);
    const header = parseHeader(readFileSync(path.join(dir, '.github/workflows/mlops.yml'), 'utf8'));
    expect(header?.template).toBe('dvc-azure-keyless');
    expect(header?.inputs).toMatchObject({ 'azure-client-id': '11111111-2222-3333-4444-555555555555', 'azure-tenant-id': '66666666-7777-8888-9999-000000000000' });
    expect(res.output).toContain('az ad app federated-credential create --id 11111111-2222-3333-4444-555555555555');
  });

  it('SSH remote whose URL names no host the commands can use: asks for the server of its host keys', async () => {
    const dir = fixture({ ...FIXTURES.sshServer, files: { ...FIXTURES.sshServer.files, '.dvc/config': "[core]\n    remote = nas\n['remote \"nas\"']\n    url = ssh://dvc@[fd00::5]/srv/dvc\n" } });
    const res = await runInPty([dir, '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: 'SSH server of the DVC remote', send: 'bad host!\r' },
      { waitFor: 'a host name such as storage.example.com', send: '\x15' + 'nas.acme.example:2222\r' },
    ]);
    expect(res.code).toBe(0);
    expect(res.output).toContain('ssh-keyscan -H -p 2222 nas.acme.example > dvc-ci-known-hosts');
  });

  it('several requirements files: asks which one', async () => {
    const dir = fixture(FIXTURES.severalRequirements);
    const res = await runInPty([dir, '--no-lint'], dir, [
      { waitFor: 'Which requirements file does `dvc repro` need installed?', send: `${DOWN}\r` }, // the second: requirements-train.txt
      { waitFor: 'Keep the other values shown above?', send: '\r' },
    ]);
    expect(res.code).toBe(0);
    expect(parseHeader(readFileSync(path.join(dir, '.github/workflows/mlops.yml'), 'utf8'))?.inputs['requirements']).toBe('requirements-train.txt');
  });

  it('CI that already runs the experiment: "replace" removes it in the same write', async () => {
    const dir = fixture({ ...FIXTURES.existingCml, files: Object.fromEntries(Object.entries(FIXTURES.existingCml.files).filter(([f]) => f !== '.github/workflows/mlops.yaml')) });
    const res = await runInPty([dir, '--no-lint'], dir, [
      { waitFor: 'Generate the pipeline with these values?', send: '\r' },
      { waitFor: 'What should happen to it?', send: `${DOWN}\r` }, // Replace it
    ]);
    expect(res.code).toBe(0);
    expect(existsSync(path.join(dir, '.github/workflows/cml.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, '.github/workflows/mlops.yml'))).toBe(true);
  });
});
