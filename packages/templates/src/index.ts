/**
 * @mlops-pipeline/templates: public API.
 *
 * CONTRACT (used by @mlops-pipeline/lint and create-mlops-pipeline). Keep these
 * exported names and shapes; extend them, do not break them.
 */
export type Provider = 'github' | 'gitlab';

/** How the job authenticates to the DVC remote. */
export type RemoteKind = 'gcs' | 'gcs-keyless' | 's3' | 's3-keyless' | 'minio' | 'azure' | 'none';

export type RenderMode = 'vendored' | 'pinned';

export interface SecretRequirement {
  /** Name of the secret (GitHub) or CI/CD variable (GitLab), e.g. GCP_SERVICE_ACCOUNT_KEY. */
  name: string;
  description: string;
  /** GitLab: must be stored masked (and base64-encoded when `base64` is true). */
  masked: boolean;
  base64: boolean;
  required: boolean;
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

export declare const TEMPLATES_VERSION: string;
export declare function listTemplates(provider?: Provider): TemplateInfo[];
export declare function getTemplate(provider: Provider, name: string): TemplateInfo | undefined;
export declare function templateForRemote(provider: Provider, remote: RemoteKind): TemplateInfo;
/** JSON Schema (draft 2020-12 or 07) of a template's inputs; also published under schemas/. */
export declare function inputsSchema(provider: Provider, name: string): Record<string, unknown>;
export declare function validateInputs(provider: Provider, name: string, inputs: Record<string, unknown>): { ok: true; inputs: Record<string, unknown> } | { ok: false; problems: InputProblem[] };
export interface RenderOptions {
  mode?: RenderMode;
  /** Pinned mode: GitHub "owner/repo" or GitLab "host/group/project" hosting the templates. */
  source?: string;
  /** Pinned mode: the version to pin (defaults to TEMPLATES_VERSION). */
  ref?: string;
}
/** Deterministic YAML text. Throws TemplateInputError (with .problems) on invalid inputs. */
export declare function render(provider: Provider, name: string, inputs: Record<string, unknown>, options?: RenderOptions): string;
/** Reads the vendored header (or a pinned uses:/component ref) back. */
export declare function parseHeader(text: string): ParsedHeader | undefined;
