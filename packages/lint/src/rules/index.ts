import type { Rule } from '../model.js';
import { actionPinned } from './action-pinned.js';
import { cmlDeprecated } from './cml-deprecated.js';
import { credentialsFileExposed } from './credentials-file-exposed.js';
import { dangerousTrigger } from './dangerous-trigger.js';
import { dvcPullBeforeRepro } from './dvc-pull-before-repro.js';
import { dvcRemoteCredentials } from './dvc-remote-credentials.js';
import { dvcReproSwallowed } from './dvc-repro-swallowed.js';
import { dvcVersionConsistent } from './dvc-version-consistent.js';
import { dvcVersionPinned } from './dvc-version-pinned.js';
import { expressionInjection } from './expression-injection.js';
import { gitHistoryForDiff } from './git-history-for-diff.js';
import { githubReusableCall } from './github-reusable-call.js';
import { gitlabDeprecated } from './gitlab-deprecated.js';
import { gitlabJobOverridden } from './gitlab-job-overridden.js';
import { gitlabSpecInputs } from './gitlab-spec-inputs.js';
import { gitlabStageUndefined } from './gitlab-stage-undefined.js';
import { imagePinned } from './image-pinned.js';
import { pathFromRoot } from './path-from-root.js';
import { permissions } from './permissions.js';
import { pythonPinned } from './python-pinned.js';
import { secretEchoed } from './secret-echoed.js';
import { secretHardcoded } from './secret-hardcoded.js';
import { secretInline } from './secret-inline.js';
import { secretMasked } from './secret-masked.js';
import { templateOutdated } from './template-outdated.js';
import { twoDvcInstalls } from './two-dvc-installs.js';

/** Every built-in rule, in documentation order. */
export const rules: Rule[] = [
  dvcVersionPinned,
  dvcVersionConsistent,
  dvcPullBeforeRepro,
  dvcRemoteCredentials,
  secretHardcoded,
  secretMasked,
  secretEchoed,
  credentialsFileExposed,
  secretInline,
  actionPinned,
  imagePinned,
  expressionInjection,
  dangerousTrigger,
  permissions,
  githubReusableCall,
  pythonPinned,
  dvcReproSwallowed,
  pathFromRoot,
  gitHistoryForDiff,
  cmlDeprecated,
  gitlabDeprecated,
  gitlabSpecInputs,
  gitlabStageUndefined,
  gitlabJobOverridden,
  twoDvcInstalls,
  templateOutdated,
];
