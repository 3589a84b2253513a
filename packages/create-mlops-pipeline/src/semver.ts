/** Compares `1.2.3` style versions (a leading `v` and pre-release suffixes are tolerated); NaN when unparseable. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([\w.-]+))?/.exec(v.trim());
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return Number.NaN;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A pre-release sorts before its release.
  if (pa[4] && !pb[4]) return -1;
  if (!pa[4] && pb[4]) return 1;
  return (pa[4] ?? '').localeCompare(pb[4] ?? '');
}

/** A moving major tag (`1`, written `v1` on GitHub) rather than an exact version. */
export function isMajorRef(ref: string): boolean {
  return /^v?\d+$/.test(ref.trim());
}

function majorOf(version: string): number {
  return Number(/^v?(\d+)/.exec(version.trim())?.[1] ?? Number.NaN);
}

/** Compares a pinned version with the newest templates; a moving major tag is current within its major. */
export function compareToNewest(version: string, newest: string): number {
  if (isMajorRef(version)) return Math.sign(majorOf(version) - majorOf(newest));
  return compareVersions(version, newest);
}

/** The ref an upgrade pins: the newest version, or for a moving major tag the newest major. */
export function upgradeRef(from: string, newest: string): string {
  return isMajorRef(from) ? String(majorOf(newest)) : newest;
}
