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
/** Secret command-line options: `--password X`, `--token=X`. */
const SECRET_FLAG = /(--(?:password|token|api-key|secret)(?:=|[ \t]+))(["']?)([^\s"']+)/g;
/** `dvc remote modify [--local] <remote> <option> <value>`. */
const REMOTE_OPTION = /(remote[ \t]+modify[ \t]+(?:-{1,2}[a-z]+[ \t]+)*\S+[ \t]+([a-z_]+)[ \t]+)(["']?)([^\s"']+)/g;
/** A password in a URL: `scheme://user:password@host`. */
const URL_PASSWORD = /(:\/\/[^/@\s:]*:)([^/@\s]+)(@)/g;
/** `curl -u user:password`, `--user user:password`. */
const USER_PASSWORD = /((?:^|\s)(?:-u|--user)(?:=|[ \t]+)["']?[^\s:"']+:)([^\s"']+)/g;
const REMOTE_SECRET_OPTIONS = /^(password|secret_access_key|session_token|account_key|connection_string|sas_token|client_secret|gdrive_client_secret|token)$/;

function redactedLiteral(value: string): string {
  return !value.startsWith('[redacted') && looksLikeSecretLiteral(value) ? `[redacted ${redact(value)}]` : value;
}

/**
 * The text with every secret it plausibly holds replaced by a redacted form, line by line
 * (line count unchanged, so a diff of redacted texts has the same hunks): secret-shaped
 * values, literal values of secret-like names, secret command-line options, URL passwords and
 * `-u user:password`.
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
        .replace(NAMED_VALUE, (all, lead: string, name: string, sep: string, quote: string, value: string) => (isSecretName(name) ? `${lead}${name}${sep}${quote}${redactedLiteral(value)}` : all))
        .replace(SECRET_FLAG, (_all, flag: string, quote: string, value: string) => `${flag}${quote}${redactedLiteral(value)}`)
        .replace(REMOTE_OPTION, (all, head: string, option: string, quote: string, value: string) => (REMOTE_SECRET_OPTIONS.test(option) ? `${head}${quote}${redactedLiteral(value)}` : all))
        .replace(URL_PASSWORD, (_all, head: string, value: string, at: string) => `${head}${redactedLiteral(value)}${at}`)
        .replace(USER_PASSWORD, (_all, head: string, value: string) => `${head}${redactedLiteral(value)}`),
    )
    .join('\n');
}
