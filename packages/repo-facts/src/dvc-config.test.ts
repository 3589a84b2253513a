import { describe, expect, it } from 'vitest';
import { parseDvcConfig, readDvcConfig, schemeOf } from './dvc-config.js';
import { makeRepo } from '../test/helpers.js';

describe('schemeOf', () => {
  it.each([
    ['gs://bucket/path', 'gs'],
    ['s3://bucket/path', 's3'],
    ['azure://container/path', 'azure'],
    ['ssh://user@example.com/srv/dvc', 'ssh'],
    ['http://example.com/dvc', 'http'],
    ['https://example.com/dvc', 'https'],
    ['hdfs://namenode/path', 'hdfs'],
    ['webhdfs://namenode/path', 'hdfs'],
    ['webdav://example.com/dav', 'webdav'],
    ['webdavs://example.com/dav', 'webdav'],
    ['gdrive://0AIac4JZqHhKmUk9PDA', 'gdrive'],
    ['oss://bucket/path', 'oss'],
    ['/mnt/storage/dvc', 'local'],
    ['../dvc-storage', 'local'],
    ['C:\\dvc\\store', 'local'],
    ['file:///tmp/dvc', 'local'],
    ['ftp://example.com/x', 'other'],
  ])('%s → %s', (url, scheme) => {
    expect(schemeOf(url)).toBe(scheme);
  });
});

describe('parseDvcConfig', () => {
  it('reads remotes, the default remote and section lines', () => {
    const text = [
      '[core]',
      '    remote = storage',
      "['remote \"storage\"']",
      '    url = s3://ml-data/dvc',
      '    endpointurl = https://minio.example.com',
      "['remote \"backup\"']",
      '    url = gs://ml-backup/dvc # inline comment',
    ].join('\n');
    const cfg = parseDvcConfig('.dvc/config', text);
    expect(cfg.remotes).toEqual([
      { name: 'storage', url: 's3://ml-data/dvc', scheme: 's3', endpointUrl: 'https://minio.example.com', isDefault: true, line: 3 },
      { name: 'backup', url: 'gs://ml-backup/dvc', scheme: 'gs', isDefault: false, line: 6 },
    ]);
    expect(cfg.defaultRemote?.name).toBe('storage');
  });

  it.each([
    ['single-quoted header', "['remote \"a\"']\nurl = gs://a"],
    ['plain header', '[remote "a"]\nurl = gs://a'],
    ['escaped header', '["remote \\"a\\""]\nurl = gs://a'],
  ])('accepts the %s form', (_label, text) => {
    expect(parseDvcConfig('c', text).remotes.map((r) => r.name)).toEqual(['a']);
  });

  it('has no default remote without core.remote', () => {
    const cfg = parseDvcConfig('c', "['remote \"only\"']\nurl = gs://b/p");
    expect(cfg.remotes).toHaveLength(1);
    expect(cfg.defaultRemote).toBeUndefined();
  });

  it('reads the Azure storage account of a remote, from config.local too', () => {
    const cfg = parseDvcConfig('c', "['remote \"blob\"']\nurl = azure://data/dvc\naccount_name = acmeml\n['remote \"other\"']\nurl = azure://x/y", "['remote \"other\"']\naccount_name = localacct\naccount_key = secret-key");
    expect(cfg.remotes.map((r) => r.accountName)).toEqual(['acmeml', 'localacct']);
    expect(JSON.stringify(cfg)).not.toContain('secret-key');
  });

  it('takes url/endpointurl from config.local but never credentials', () => {
    const local = [
      '[core]',
      '    remote = private',
      "['remote \"storage\"']",
      '    endpointurl = https://minio.internal',
      '    access_key_id = AKIAEXAMPLE',
      '    secret_access_key = very-secret',
      "['remote \"private\"']",
      '    url = s3://private/dvc',
      '    password = hunter2',
    ].join('\n');
    const cfg = parseDvcConfig('c', "['remote \"storage\"']\nurl = s3://public/dvc", local);
    expect(JSON.stringify(cfg)).not.toMatch(/AKIAEXAMPLE|very-secret|hunter2/);
    expect(cfg.remotes.find((r) => r.name === 'storage')?.endpointUrl).toBe('https://minio.internal');
    expect(cfg.defaultRemote).toMatchObject({ name: 'private', url: 's3://private/dvc', line: 0 });
  });
});

describe('readDvcConfig', () => {
  it('is undefined without a .dvc directory', () => {
    expect(readDvcConfig(makeRepo({ 'README.md': '' }))).toBeUndefined();
  });

  it('returns no remotes for a fresh `dvc init`', () => {
    const cfg = readDvcConfig(makeRepo({ '.dvc/.gitignore': '/config.local\n' }));
    expect(cfg?.remotes).toEqual([]);
  });

  it('reads the file from disk', () => {
    const dir = makeRepo({ '.dvc/config': "[core]\n    remote = data\n['remote \"data\"']\n    url = azure://c/p\n" });
    expect(readDvcConfig(dir)?.defaultRemote).toMatchObject({ scheme: 'azure', line: 3 });
  });
});
