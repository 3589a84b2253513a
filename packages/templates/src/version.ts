import pkg from '../package.json' with { type: 'json' };

/** Version of the templates package; the version written in headers and pinned refs. */
export const TEMPLATES_VERSION: string = pkg.version;

/**
 * Compares a template version or pinned ref with `newest`: below 0 older, 0 current, above 0
 * newer, NaN when `ref` is not a version. `1.2.3` and `v1.2.3` are exact (a pre-release sorts
 * before its release); a moving ref (`v1`, `1.2`) is current while `newest` is in its range.
 */
export function compareTemplateVersion(ref: string, newest: string): number {
  const parse = (v: string) => /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([\w.-]+))?(?:\+[\w.-]+)?$/.exec(v.trim());
  const a = parse(ref);
  const b = parse(newest);
  if (!a || !b) return Number.NaN;
  for (let i = 1; i <= 3; i++) {
    if (a[i] === undefined) return 0;
    const d = Number(a[i]) - Number(b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (a[4] && !b[4]) return -1;
  if (!a[4] && b[4]) return 1;
  return Math.sign((a[4] ?? '').localeCompare(b[4] ?? ''));
}
