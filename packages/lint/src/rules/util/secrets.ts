/** Secret-like names and values, and the one redaction every message uses. */

const SECRET_WORDS = /(^|[_\-.])(KEY|KEYS|TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PASS|PWD|PASSPHRASE|CREDENTIAL|CREDENTIALS|CREDS|PAT|APIKEY|PRIVATE|AUTH)([_\-.]|$)/i;
const SECRET_SUFFIX = /(TOKEN|SECRET|PASSWORD|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|ACCOUNT_KEY|PASSPHRASE)$/i;
/** Names that look secret-like but hold identifiers, paths or settings. */
const NOT_SECRET = /[-_.](ID|IDS|NAME|PATH|FILE|DIR|URL|URI|ENDPOINT|REGION|USER|USERNAME|EMAIL|TYPE|ARN|PROVIDER|AUDIENCE|HOST|PORT|VERSION|EXPIRY|EXPIRES|MODE|ENABLED|METHOD|FORMAT|CHECK|HEADER|LENGTH|FILES|ACCOUNT)$|^(GOOGLE_APPLICATION_CREDENTIALS|CI_JOB_TOKEN|GITHUB_TOKEN|AUTH_TYPE|KEY_ID|create_credentials_file|token_format)$/i;

/** Cache keys (actions/cache `key`, `restore-keys`) are not secrets. */
const CACHE_KEYS = /^(key|keys|restore[-_]keys|cache[-_]key|primary[-_]key|lookup[-_]key)$|cache/i;

/** A variable / input name that is expected to hold a secret. */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET.test(name) || CACHE_KEYS.test(name)) return false;
  return SECRET_WORDS.test(name) || SECRET_SUFFIX.test(name);
}

/** The value only refers to other values (`${{ secrets.X }}`, `$VAR`, `${VAR}`, `$[[ inputs.x ]]`). */
export function isReference(value: string): boolean {
  const rest = value
    .replace(/\$\{\{[^}]*\}\}/g, '')
    .replace(/\$\[\[[^\]]*\]\]/g, '')
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=+?][^}]*)?\}/g, '')
    .replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, '')
    .trim();
  return rest.length === 0 || /^["']*$/.test(rest);
}

/** Contains a reference anywhere. */
export function hasReference(value: string): boolean {
  return /\$\{\{|\$\[\[|\$\{?[A-Za-z_]/.test(value);
}

export interface SecretMatch {
  kind: string;
  value: string;
  index: number;
}

const VALUE_PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: 'service account key', re: /\{[^{}]*"type"\s*:\s*"service_account"[\s\S]*?(\}|$)/g },
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g },
  { kind: 'GitHub token', re: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g },
  { kind: 'GitLab token', re: /\bgl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}/g },
  { kind: 'Azure storage key', re: /AccountKey=[A-Za-z0-9+/=]{20,}/g },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
];
const AWS_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** Secret values found in a text (not references). */
export function findSecretValues(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const { kind, re } of VALUE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ kind, value: m[0], index: m.index });
  }
  if (out.some((m) => m.kind === 'AWS access key id') || /aws_secret_access_key|AWS_SECRET/i.test(text)) {
    AWS_SECRET.lastIndex = 0;
    for (let m = AWS_SECRET.exec(text); m; m = AWS_SECRET.exec(text)) {
      if (/[0-9]/.test(m[0]) && /[a-z]/.test(m[0]) && /[A-Z]/.test(m[0])) out.push({ kind: 'AWS secret access key', value: m[0], index: m.index });
    }
  }
  out.sort((a, b) => a.index - b.index);
  // drop matches inside an earlier, longer one
  return out.filter((m, i) => !out.some((o, j) => j !== i && o.index <= m.index && o.index + o.value.length >= m.index + m.value.length && o.value.length > m.value.length));
}

/** A literal that plausibly is a password/token (for secret-like names). */
export function looksLikeSecretLiteral(value: string): boolean {
  const v = value.trim();
  if (v.length < 6) return false;
  if (isReference(v) || hasReference(v)) return false;
  if (/^(true|false|yes|no|on|off|null|none|required|optional|masked|changeme|example|\*+|x+)$/i.test(v)) return false;
  if (/^[./~]|^[A-Za-z]:\\|\.(json|pem|key|p12|txt|yaml|yml|cfg|ini)$/i.test(v)) return false;
  if (/^[a-z]+:\/\//i.test(v) && !/:\/\/[^/@\s]*:[^/@\s]+@/.test(v)) return false;
  if (/\s/.test(v) && !/-----BEGIN/.test(v)) return false;
  return true;
}

/** Redacted form: at most 4 leading characters and the length, never the value. */
export function redact(value: string): string {
  const v = value.trim();
  const lead = v.length >= 20 ? 4 : v.length >= 12 ? 2 : 0;
  const shown = v.slice(0, lead).replace(/[\r\n]/g, '');
  return `"${shown}…" (${v.length} characters)`;
}

/** `NAME: value`, `NAME=value`, `"name": "value"` pairs (YAML, shell, JSON). */
const NAMED_VALUE = /(^|[\s{,;(]|["'])([A-Za-z_][A-Za-z0-9_.-]*)(["']?[ \t]*[:=][ \t]*)(["']?)([^\s"',;})#]+)/g;
/** The same with a quoted value, which may hold spaces: `PASSPHRASE: "my secret phrase"`. */
const NAMED_QUOTED = /(^|[\s{,;(]|["'])([A-Za-z_][A-Za-z0-9_.-]*)(["']?[ \t]*[:=][ \t]*)(?:"([^"\n]+)"|'([^'\n]+)')/g;
/** Secret command-line options: `--password X`, `--token=X`, `--passphrase "a b c"`. */
const SECRET_FLAG = /(--(?:password|passphrase|passwd|token|api-key|apikey|secret|client-secret|access-token|auth-token|private-key)(?:=|[ \t]+))(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))/gi;
/** `docker login -p X` (and podman, helm registry, oras …): `-p` after a `login`. */
const LOGIN_PASSWORD = /(\blogin\b[^\n]{0,200}?[ \t]-p(?:=|[ \t]+))(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))/g;
/** `Authorization: Bearer X`, `Authorization: token X`, a bare `Bearer X`. */
const AUTH_HEADER = /(\bAuthorization[ \t]*[:=][ \t]*(?:(?:Bearer|Basic|token|Token|Digest)[ \t]+)?|\bBearer[ \t]+(?=[^\s"'`\\]{8}))([^\s"'`\\]+)/gi;
/** Signed-URL and credential query parameters: Azure SAS `sig=`, S3/GCS signatures, `access_token=`. */
const SECRET_QUERY = /([?&;](?:sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential|x-goog-signature|x-goog-credential|token|access_token|refresh_token|id_token|api_key|apikey|key|password|passwd|secret|client_secret|code|auth)=)([^&\s"'`#<>]+)/gi;
/**
 * The user information of a URL: `scheme://user:password@host` (the password may hold `'`, `"`, `/`
 * and spaces: it runs to the last `@` of the line that is followed by a host name) or
 * `scheme://token@host`. A `host:port/path` is not a password.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:'"`<>]*)(?::(?!\d{1,5}(?:[/?#\s'"`,)\]]|$))([^\n]{0,256}))?@(?=[A-Za-z0-9[][A-Za-z0-9.\-[\]:%]*(?:[/?#:'"`\s,;)\]>]|$))/gi;
/** `curl -u user:password`, `--user user:password`. */
const USER_PASSWORD = /((?:^|\s)(?:-u|--user)(?:=|[ \t]+)["']?[^\s:"']+:)([^\s"']+)/g;
/** `dvc remote modify [--local] <remote> <option> <value>`. */
const REMOTE_OPTION = /(remote[ \t]+modify[ \t]+(?:-{1,2}[a-z]+[ \t]+)*\S+[ \t]+([a-z_]+)[ \t]+)(["']?)([^\s"']+)/g;
const REMOTE_SECRET_OPTIONS = /^(password|secret_access_key|session_token|account_key|connection_string|sas_token|client_secret|gdrive_client_secret|token)$/;

function isRedacted(value: string): boolean {
  return value.startsWith('[redacted');
}

function redactedLiteral(value: string): string {
  return !isRedacted(value) && looksLikeSecretLiteral(value) ? `[redacted ${redact(value)}]` : value;
}

/** A value known to be secret by where it stands (a URL password, a flag's value): redacted unless it is a reference. */
function redactedAlways(value: string): string {
  // `$VAR`, `${VAR}`, `${{ secrets.X }}`, `$[[ inputs.x ]]` (possibly cut at a space) name a secret, they are not one.
  if (value === '' || isRedacted(value) || isReference(value) || value.startsWith('$')) return value;
  return `[redacted ${redact(value)}]`;
}

function redactUserinfo(all: string, scheme: string, user: string, password: string | undefined): string {
  if (password !== undefined) {
    if (password === '' || isReference(password)) return all;
    return `${scheme}${user}:${redactedAlways(password)}@`;
  }
  // A user name alone is a token when it is long (`https://ghp_…@github.com`, `https://x-oauth-basic…`).
  if (user.length >= 16 && !isReference(user) && !isRedacted(user)) return `${scheme}[redacted ${redact(user)}]@`;
  return all;
}

/**
 * The text with every secret it plausibly holds replaced by a redacted form, line by line
 * (line count unchanged, so a diff of redacted texts has the same hunks): secret-shaped
 * values, literal values of secret-like names, secret command-line options, `docker login -p`,
 * authorization headers, signed-URL parameters, URL user information and `-u user:password`.
 * This is the one redaction of mlops-lint: messages, diffs and every output format use it.
 */
export function redactLines(text: string): string {
  let out = text;
  for (const m of [...findSecretValues(text)].sort((a, b) => b.index - a.index)) {
    const lines = m.value.split('\n');
    const replacement = lines.map((_l, i) => (i === 0 ? `[redacted ${m.kind} ${redact(m.value)}]` : '[redacted]')).join('\n');
    out = out.slice(0, m.index) + replacement + out.slice(m.index + m.value.length);
  }
  return out
    .split('\n')
    .map((line) =>
      line
        .replace(URL_USERINFO, (all, scheme: string, user: string, password: string | undefined) => redactUserinfo(all, scheme, user, password))
        .replace(NAMED_QUOTED, (all, lead: string, name: string, sep: string, dq: string | undefined, sq: string | undefined) => {
          const value = dq ?? sq ?? '';
          if (!isSecretName(name) || value.length < 6 || isRedacted(value) || hasReference(value)) return all;
          const q = dq !== undefined ? '"' : "'";
          return `${lead}${name}${sep}${q}${redactedAlways(value)}${q}`;
        })
        .replace(NAMED_VALUE, (all, lead: string, name: string, sep: string, quote: string, value: string) => (isSecretName(name) ? `${lead}${name}${sep}${quote}${redactedLiteral(value)}` : all))
        .replace(SECRET_FLAG, (_all, flag: string, dq: string | undefined, sq: string | undefined, bare: string | undefined) => flagValue(flag, dq, sq, bare))
        .replace(LOGIN_PASSWORD, (_all, flag: string, dq: string | undefined, sq: string | undefined, bare: string | undefined) => flagValue(flag, dq, sq, bare))
        .replace(AUTH_HEADER, (_all, head: string, value: string) => `${head}${redactedAlways(value)}`)
        .replace(SECRET_QUERY, (_all, head: string, value: string) => `${head}${redactedAlways(value)}`)
        .replace(REMOTE_OPTION, (all, head: string, option: string, quote: string, value: string) => (REMOTE_SECRET_OPTIONS.test(option) ? `${head}${quote}${redactedLiteral(value)}` : all))
        .replace(USER_PASSWORD, (_all, head: string, value: string) => `${head}${redactedAlways(value)}`),
    )
    .join('\n');
}

function flagValue(flag: string, dq: string | undefined, sq: string | undefined, bare: string | undefined): string {
  if (dq !== undefined) return `${flag}"${redactedAlways(dq)}"`;
  if (sq !== undefined) return `${flag}'${redactedAlways(sq)}'`;
  return `${flag}${redactedAlways(bare ?? '')}`;
}

/** A message or any other one-piece text quoted from a file, redacted (see `redactLines`). */
export function redactText(text: string): string {
  return redactLines(text);
}
