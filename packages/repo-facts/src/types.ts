export type RemoteScheme = 'gs' | 's3' | 'azure' | 'ssh' | 'http' | 'https' | 'hdfs' | 'webdav' | 'gdrive' | 'oss' | 'local' | 'other';

export interface DvcRemote {
  name: string;
  url: string;
  scheme: RemoteScheme;
  /** endpointurl option (MinIO / S3-compatible). */
  endpointUrl?: string;
  /** account_name option (Azure Blob Storage): the storage account. */
  accountName?: string;
  isDefault: boolean;
  /** 1-based line of the `['remote "name"']` section in .dvc/config (0 when only in config.local). */
  line: number;
}

export interface DvcConfig {
  file: string;
  remotes: DvcRemote[];
  /** The remote named by `[core] remote = …`, when it exists. */
  defaultRemote?: DvcRemote;
  /** `[core] remote = name` naming a remote that no file defines, and the line of that setting in .dvc/config (0: config.local). */
  undefinedDefault?: { name: string; line: number };
  /** Credentials committed in .dvc/config itself (the key and its line; never the value). */
  committedSecrets: Array<{ remote: string; key: string; line: number }>;
  /** The error code when .dvc/config exists but cannot be read (`EACCES`, `ELOOP`, `EISDIR`…). */
  unreadable?: string;
  /** Lines of .dvc/config that DVC could not read (the file is not INI). */
  problems: Array<{ line: number; message: string }>;
}

export interface DvcRequirement {
  file: string;
  line: number;
  column: number;
  /** The whole requirement text, e.g. "dvc[gs]==3.63.0". */
  text: string;
  extras: string[];
  /** Exact version when pinned with == (or ===). */
  version?: string;
  exact: boolean;
}

export interface GitFacts {
  remoteUrl?: string;
  provider?: 'github' | 'gitlab';
  defaultBranch?: string;
}
