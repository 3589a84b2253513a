import pkg from '../package.json' with { type: 'json' };
import semver from 'semver';

/** Version of the templates package; the version written in headers and pinned refs. */
export const TEMPLATES_VERSION: string = pkg.version;

/**
 * Compares a template version or pinned ref with `newest`: below 0 older, 0 current, above 0
 * newer, NaN when `ref` is not a version. `1.2.3` and `v1.2.3` are exact and ordered by semver
 * (a pre-release sorts before its release, `1.5.0-rc.10` after `1.5.0-rc.2`); a moving ref
 * (`v1`, `1.2`) is current while `newest` is in its range.
 */
export function compareTemplateVersion(ref: string, newest: string): number {
  const b = semver.parse(newest.trim().replace(/^v/, ''));
  if (!b) return Number.NaN;
  const moving = /^v?(\d+)(?:\.(\d+))?$/.exec(ref.trim());
  if (moving) {
    const major = Number(moving[1]);
    const d = major - b.major || (moving[2] === undefined ? 0 : Number(moving[2]) - b.minor);
    return Math.sign(d);
  }
  const a = semver.parse(ref.trim().replace(/^v/, ''));
  return a ? semver.compare(a, b) : Number.NaN;
}
