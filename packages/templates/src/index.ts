/**
 * @mlops-pipeline/templates: public API.
 *
 * CONTRACT (used by @mlops-pipeline/lint and create-mlops-pipeline). Keep these
 * exported names and shapes; extend them, do not break them.
 */
export type { Provider, RemoteKind, RenderMode, SecretRequirement, TemplateInfo, InputProblem, ParsedHeader, RenderOptions } from './types.js';
export { compareTemplateVersion, TEMPLATES_VERSION } from './version.js';
export { listTemplates, getTemplate, templateForRemote, inputsSchema, validateInputs, render, renderPublished, renderPublishedFiles, vendoredPath, requiredSecrets } from './api.js';
export { PROVIDERS } from './types.js';
export { parseHeader, findHeader, HEADER_PREFIX } from './header.js';
export type { HeaderPosition } from './header.js';
export { TemplateInputError, isTemplateInputError } from './errors.js';
export { ACTIONS, CML_VERSION } from './actions.js';
export type { ActionPin, ActionKey } from './actions.js';
export { schemaFileName } from './schema.js';
export { parseTemplateRef, findTemplateRef, isProjectTemplateRef, PROJECT_GITHUB_REPOSITORY, PROJECT_GITLAB_COMPONENTS } from './template-ref.js';
export type { TemplateRef } from './template-ref.js';
export { specInputProblems, compileGitLabRegex, gitLabRegexMatches, GITLAB_INPUT_TYPES } from './platform/gitlab-inputs.js';
export type { SpecInputProblem, SpecInputKey, GitLabInputType } from './platform/gitlab-inputs.js';
export { permissionExcesses, requiredPermissions, grantedPermissions, resolvePermissions, defaultPermissions, PERMISSION_SCOPES } from './platform/github-permissions.js';
export type { PermissionExcess, CallerContext, PermissionsSpec, PermissionScope, PermissionLevel, Permissions, DefaultTokenPermissions } from './platform/github-permissions.js';
