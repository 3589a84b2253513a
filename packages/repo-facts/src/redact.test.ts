import { describe, expect, it } from 'vitest';
import { redactUrlCredentials } from './redact.js';

describe('redactUrlCredentials', () => {
  it.each([
    ['plain password', 'https://user:s3cret@minio.local:9000', 's3cret'],
    ['quote in the password', `"https://user:pa'ss@minio.local" is not a URL`, `pa'ss`],
    ['double quote, JSON-escaped', '"https://user:pa\\"ss@minio.local" is not a URL', 'pa\\"ss'],
    ['slash in the password', 'https://user:pa/ss@minio.local/bucket', 'pa/ss'],
    ['spaces in the password', 'endpoint https://user:a long pass@minio.local', 'a long pass'],
    ['@ in the password', 'https://user:p@ss@minio.local', 'p@ss'],
    ['token as user name', 'dvc @ git+https://oauth2:TOKEN123@gitlab.com/x/dvc.git', 'TOKEN123'],
  ])('%s: the secret is hidden', (_label, text, secret) => {
    const out = redactUrlCredentials(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('://***@');
  });

  it('leaves URLs without credentials and other lines as they are', () => {
    const text = 'https://minio.local:9000/bucket\ngit@github.com:acme/ml.git';
    expect(redactUrlCredentials(text)).toBe(text);
  });
});
