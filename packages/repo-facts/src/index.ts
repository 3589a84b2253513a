/**
 * @mlops-pipeline/repo-facts (internal, bundled into the CLIs).
 *
 * CONTRACT used by @mlops-pipeline/lint (cross-file rules) and create-mlops-pipeline
 * (inference). Keep these names and shapes; extend, do not break.
 */
export type { RemoteScheme, DvcRemote, DvcConfig, DvcRequirement, GitFacts } from './types.js';
export { readDvcConfig, parseDvcConfig, schemeOf, isDvcDir } from './dvc-config.js';
export { findDvcRequirement, findInRequirementsFile, findInPyproject, parsePep508, parseRequirement, requirementFiles, requirementLines, isFile, requirementNamesIn } from './requirements.js';
export type { Requirement, RequirementLine } from './requirements.js';
export { readPythonVersion, readPythonVersionDetail, pythonFromSpecifier, pythonFromPyproject, parsePythonVersionFile, pythonFromToolVersions, pythonFromCondaEnvironment } from './python-version.js';
export type { PythonVersionFact } from './python-version.js';
export { readGitFacts, readGitFactsDetail, findGitDirs, hostOf, providerOf } from './git.js';
export type { GitFactsDetail, GitDirs } from './git.js';
export { findCiFiles, providerFromCiFiles } from './ci-files.js';
export type { CiFiles } from './ci-files.js';
export { findLockedVersion, lockedVersionIn, LOCK_FILES } from './lockfile.js';
export type { LockedVersion } from './lockfile.js';
export { redactUrlCredentials } from './redact.js';
export { requirementCandidates, requirementsNamedIn, usesHashes } from './requirement-candidates.js';
export type { RequirementCandidate } from './requirement-candidates.js';
export { pipelineNeedsRemoteData } from './dvc-pipeline.js';
export { writeTempFile } from './write.js';
export { walkTree, SKIPPED_DIRECTORIES } from './walk.js';
export type { WalkEntry } from './walk.js';
export { liesInside, readBoundedBytes, readBoundedText, readSmallText, repositoryDirs, repositoryOf, MAX_FACT_FILE_BYTES, UnreadableFileError } from './read.js';
