import { statSync } from 'node:fs';
import path from 'node:path';
import { readBoundedText, readSmallText } from './read.js';
import { parseIni, subsection } from './ini.js';
import type { IniProblem } from './ini.js';
import type { DvcConfig, DvcRemote, RemoteScheme } from './types.js';

const SCHEMES: Record<string, RemoteScheme> = {
  gs: 'gs',
  s3: 's3',
  azure: 'azure',
  ssh: 'ssh',
  http: 'http',
  https: 'https',
  hdfs: 'hdfs',
  webhdfs: 'hdfs',
  webdav: 'webdav',
  webdavs: 'webdav',
  gdrive: 'gdrive',
  oss: 'oss',
  file: 'local',
};

/** Remote scheme from a DVC remote URL; a plain path (relative, absolute or Windows) is `local`. */
export function schemeOf(url: string): RemoteScheme {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url.trim());
  if (!m) return 'local';
  return SCHEMES[(m[1] ?? '').toLowerCase()] ?? 'other';
}

/** Remote options that hold a credential (DVC's names), which belong in `.dvc/config.local`. */
const SECRET_KEYS = new Set(['password', 'access_key_id', 'secret_access_key', 'session_token', 'connection_string', 'account_key', 'sas_token', 'client_secret', 'gdrive_client_secret', 'gdrive_service_account_json_file_path', 'key', 'keyfile', 'credentialpath', 'token', 'ask_password', 'passphrase']);

/** Keys that may be taken from `.dvc/config.local`; anything else there may be a credential. */
const LOCAL_SAFE_KEYS = new Set(['url', 'endpointurl', 'account_name']);

interface RawRemote {
  name: string;
  line: number;
  url?: string;
  endpointUrl?: string;
  accountName?: string;
}

/** Parses the text of `.dvc/config` (plus, optionally, `.dvc/config.local`) into remotes. */
export function parseDvcConfig(file: string, text: string, localText?: string): DvcConfig {
  const remotes = new Map<string, RawRemote>();
  let defaultName: string | undefined;
  let defaultLine = 0;
  const problems: IniProblem[] = [];
  const committed: DvcConfig['committedSecrets'] = [];
  for (const s of parseIni(text, problems)) {
    if (s.name.toLowerCase() === 'core') {
      const r = s.values.get('remote');
      if (r !== undefined) {
        defaultName = r;
        defaultLine = s.line;
      }
      continue;
    }
    const name = subsection(s.name, 'remote');
    if (name === undefined) continue;
    const raw: RawRemote = { name, line: s.line };
    for (const [key, value] of s.values) {
      if (SECRET_KEYS.has(key) && key !== 'ask_password' && value !== '') committed.push({ remote: name, key, line: s.keyLines.get(key) ?? s.line });
    }
    const url = s.values.get('url');
    if (url !== undefined && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(url)) committed.push({ remote: name, key: 'url (user:password@)', line: s.keyLines.get('url') ?? s.line });
    if (url !== undefined) raw.url = url;
    const endpoint = s.values.get('endpointurl');
    if (endpoint !== undefined) raw.endpointUrl = endpoint;
    const account = s.values.get('account_name');
    if (account !== undefined && account !== '') raw.accountName = account;
    remotes.set(name, raw);
  }
  if (localText !== undefined) {
    for (const s of parseIni(localText)) {
      if (s.name.toLowerCase() === 'core') {
        const r = s.values.get('remote');
        if (r !== undefined) {
          defaultName = r;
          defaultLine = 0;
        }
        continue;
      }
      const name = subsection(s.name, 'remote');
      if (name === undefined) continue;
      const existing = remotes.get(name);
      // Line numbers refer to .dvc/config; a remote that only exists locally gets line 0.
      const raw: RawRemote = existing ?? { name, line: 0 };
      for (const key of LOCAL_SAFE_KEYS) {
        const v = s.values.get(key);
        if (v === undefined) continue;
        if (key === 'url') raw.url = v;
        else if (key === 'account_name') raw.accountName = v;
        else raw.endpointUrl = v;
      }
      if (raw.url !== undefined) remotes.set(name, raw);
    }
  }
  const list: DvcRemote[] = [];
  for (const r of remotes.values()) {
    if (r.url === undefined) continue;
    const remote: DvcRemote = { name: r.name, url: r.url, scheme: schemeOf(r.url), isDefault: r.name === defaultName, line: r.line };
    if (r.endpointUrl !== undefined) remote.endpointUrl = r.endpointUrl;
    if (r.accountName !== undefined) remote.accountName = r.accountName;
    list.push(remote);
  }
  const config: DvcConfig = { file, remotes: list, problems, committedSecrets: committed };
  // Only `core.remote` makes a remote the default (DVC itself does not pick a lone remote).
  const def = list.find((r) => r.isDefault);
  if (def) config.defaultRemote = def;
  else if (defaultName !== undefined && defaultName !== '') config.undefinedDefault = { name: defaultName, line: defaultLine };
  return config;
}

/** True when `dir/.dvc` is a directory (a DVC project); a regular file named `.dvc` is not one. */
export function isDvcDir(dir: string): boolean {
  try {
    return statSync(path.join(dir, '.dvc')).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads `<repo>/.dvc/config` (and the non-secret `url`/`endpointurl` keys of `.dvc/config.local`).
 * Returns undefined when the repo has no `.dvc/` directory. Secrets in config.local are never read into the result.
 */
export function readDvcConfig(repoDir: string): DvcConfig | undefined {
  const dir = path.join(repoDir, '.dvc');
  if (!isDvcDir(repoDir)) return undefined;
  const file = path.join(dir, 'config');
  // Bounded and inside the repository: a link to /dev/zero, a FIFO, a huge file or a link leading out is not read (and says why).
  let text = '';
  let unreadable: string | undefined;
  try {
    text = readBoundedText(file, undefined, repoDir);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'EIO';
    if (code !== 'ENOENT') unreadable = code;
  }
  const config = parseDvcConfig(file, text, readSmallText(path.join(dir, 'config.local'), undefined, repoDir));
  if (unreadable !== undefined) config.unreadable = unreadable;
  return config;
}
