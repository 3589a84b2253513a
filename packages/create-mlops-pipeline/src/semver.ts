import { compareTemplateVersion } from '@mlops-pipeline/templates';

/** A moving major tag (`1`, written `v1` on GitHub) rather than an exact version. */
export function isMajorRef(ref: string): boolean {
  return /^v?\d+$/.test(ref.trim());
}

function majorOf(version: string): number {
  return Number(/^v?(\d+)/.exec(version.trim())?.[1] ?? Number.NaN);
}

/** Compares a pinned version with the newest templates; a moving major tag is current within its major. */
export function compareToNewest(version: string, newest: string): number {
  return compareTemplateVersion(version, newest);
}

/** The ref an upgrade pins: the newest version, or for a moving major tag the newest major. */
export function upgradeRef(from: string, newest: string): string {
  return isMajorRef(from) ? String(majorOf(newest)) : newest;
}
