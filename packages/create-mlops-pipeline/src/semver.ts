/** A moving major tag (`1`, written `v1` on GitHub) rather than an exact version. */
export function isMajorRef(ref: string): boolean {
  return /^v?\d+$/.test(ref.trim());
}

function majorOf(version: string): number {
  return Number(/^v?(\d+)/.exec(version.trim())?.[1] ?? Number.NaN);
}

/** The ref an upgrade pins: the newest version, or for a moving major tag the newest major. */
export function upgradeRef(from: string, newest: string): string {
  return isMajorRef(from) ? String(majorOf(newest)) : newest;
}
