/**
 * Version facts compared by PEP 440 (`3.63` == `3.63.0`, `2.10` > `2.8`), and the DVC version a
 * job runs when it pins one.
 */
import { eq, gte, valid } from '@renovatebot/pep440';
import type { Job } from '../../model.js';
import { dvcVersionOfImage, isDvcImage, parseImage } from './images.js';
import { LAST_OF_MAJOR } from './dvc-facts.js';
import { dvcInstalls } from './installs.js';
import { dvcRequirementFor, dvcRequirementForJob } from './repo.js';

/** Same version by PEP 440; false when either is not a version. */
export function sameVersion(a: string, b: string): boolean {
  return valid(a) !== null && valid(b) !== null && eq(a, b);
}

/** `version` >= `min` by PEP 440; undefined when `version` is not a version. */
export function atLeast(version: string, min: string): boolean | undefined {
  return valid(version) === null ? undefined : gte(version, min);
}

/** The DVC major a CML image's rolling tag names (`iterativeai/cml:0-dvc2-base1` → "2"). */
export function dvcMajorOfImage(image: string): string | undefined {
  const ref = parseImage(image);
  if (!isDvcImage(ref)) return undefined;
  return /(?:^|-)dvc(\d+)(?:-|$)/.exec(ref.tag ?? '')?.[1];
}

/**
 * An exact DVC version to advise for a job whose image names only a DVC major: a release of that
 * major (the newest of a closed major), `fallback` when the major is the current one or unknown.
 */
export function adviseDvcVersion(images: readonly string[], fallback: string): string {
  for (const image of images) {
    const major = dvcMajorOfImage(image);
    if (major !== undefined && LAST_OF_MAJOR[major]) return LAST_OF_MAJOR[major].version;
  }
  return fallback;
}

/**
 * The DVC version a job runs, as far as the files say: an exact install in the job (setup-dvc,
 * pip, an image tag naming it), the pin of a requirements file the job installs, the repository's
 * pin (which is also what `dvc-version-pinned --fix` pins an open install to); for a CML image
 * naming only a major, the newest release of that major. Undefined: unknown.
 */
export function jobDvcVersion(root: string, job: Job): string | undefined {
  let byRoot = versionCache.get(job);
  if (!byRoot) versionCache.set(job, (byRoot = new Map()));
  if (!byRoot.has(root)) byRoot.set(root, findJobDvcVersion(root, job));
  return byRoot.get(root);
}

/** Computed once per job and repository root: rules ask it for every DVC command. */
const versionCache = new WeakMap<Job, Map<string, string | undefined>>();

function findJobDvcVersion(root: string, job: Job): string | undefined {
  const installs = dvcInstalls(job);
  const exact = installs.find((i) => i.exact && i.version !== undefined);
  if (exact?.version) return exact.version;
  for (const install of installs) {
    if (install.kind !== 'project') continue;
    const req = dvcRequirementFor(root, install.files ?? [], install.step?.workingDirectory);
    if (req?.exact && req.version) return req.version;
  }
  for (const install of installs) {
    if (install.kind !== 'image' || install.written === undefined) continue;
    const major = dvcMajorOfImage(install.written);
    if (major !== undefined && LAST_OF_MAJOR[major]) return LAST_OF_MAJOR[major].version;
    const named = dvcVersionOfImage(parseImage(install.written));
    if (named) return named;
  }
  const req = dvcRequirementForJob(root, job);
  return req?.exact && req.version ? req.version : undefined;
}

