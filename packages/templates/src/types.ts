/** Public types of @mlops-pipeline/templates (re-exported by index.ts). */
export type Provider = 'github' | 'gitlab';

/** Every provider, in the order lists show them. */
export const PROVIDERS: readonly Provider[] = ['github', 'gitlab'];

/** How the job authenticates to the DVC remote. */
export type RemoteKind = 'gcs' | 'gcs-keyless' | 's3' | 's3-keyless' | 'minio' | 'azure' | 'azure-keyless' | 'gdrive' | 'ssh' | 'none';

export type RenderMode = 'vendored' | 'pinned';

export interface SecretRequirement {
  /** Name of the secret (GitHub) or CI/CD variable (GitLab), e.g. GCP_SERVICE_ACCOUNT_KEY. */
  name: string;
  description: string;
  /** GitLab: must be stored masked (and base64-encoded when `base64` is true). */
  masked: boolean;
  base64: boolean;
  required: boolean;
  /** Needed only when an input has this value (e.g. `azure-auth: service-principal`, `cml: true`). */
  when?: { input: string; equals: string | boolean };
}

export interface TemplateInfo {
  /** Template name, e.g. "dvc-gcs"; also the GitLab component name and the reusable workflow file stem. */
  name: string;
  provider: Provider;
  remote: RemoteKind;
  description: string;
  /** Version of the templates package that ships this template. */
  version: string;
  secrets: SecretRequirement[];
}

export interface InputProblem {
  input: string;
  message: string;
}

export interface ParsedHeader {
  template: string;
  provider: Provider;
  version: string;
  inputs: Record<string, unknown>;
}

export interface RenderOptions {
  mode?: RenderMode;
  /** Pinned mode: GitHub "owner/repo" or GitLab "host/group/project" hosting the templates. */
  source?: string;
  /** Pinned mode: the version to pin (defaults to TEMPLATES_VERSION). */
  ref?: string;
}
