/**
 * @mlops-pipeline/repo-facts (internal, bundled into the CLIs).
 *
 * CONTRACT used by @mlops-pipeline/lint (cross-file rules) and create-mlops-pipeline
 * (inference). Keep these names and shapes; extend, do not break.
 */
export type RemoteScheme = 'gs' | 's3' | 'azure' | 'ssh' | 'http' | 'https' | 'hdfs' | 'webdav' | 'gdrive' | 'oss' | 'local' | 'other';

export interface DvcRemote {
  name: string;
  url: string;
  scheme: RemoteScheme;
  /** endpointurl option (MinIO / S3-compatible). */
  endpointUrl?: string;
  isDefault: boolean;
  /** 1-based line of the `['remote "name"']` section in .dvc/config. */
  line: number;
}

export interface DvcConfig {
  file: string;
  remotes: DvcRemote[];
  defaultRemote?: DvcRemote;
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

export declare function readDvcConfig(repoDir: string): DvcConfig | undefined;
export declare function findDvcRequirement(repoDir: string): DvcRequirement | undefined;
export declare function readPythonVersion(repoDir: string): string | undefined;
export declare function readGitFacts(repoDir: string): GitFacts;
