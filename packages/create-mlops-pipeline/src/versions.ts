/**
 * The Python and DVC versions a pipeline can use, and one message for every value outside them
 * (malformed or out of range), naming the shape and the range.
 */

/** Python versions the pipeline runs (DVC 3 needs 3.9 or later; 3.14 is the newest release). */
export const PYTHON_RANGE = { min: [3, 9], max: [3, 14], example: '3.12' } as const;
/** DVC versions the templates' commands work with. */
export const DVC_RANGE = { min: [2, 0, 0], maxMajor: 3, example: '3.63.0' } as const;

function parts(value: string): number[] {
  return value.split('.').map(Number);
}

function atLeast(v: number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

export function isSupportedPython(value: string): boolean {
  if (!/^\d+\.\d+(\.\d+)?$/.test(value)) return false;
  const v = parts(value);
  return atLeast(v, PYTHON_RANGE.min) && v[0] === PYTHON_RANGE.max[0] && (v[1] ?? 0) <= PYTHON_RANGE.max[1];
}

export function isSupportedDvc(value: string): boolean {
  if (!/^\d+\.\d+\.\d+$/.test(value)) return false;
  const v = parts(value);
  return atLeast(v, DVC_RANGE.min) && (v[0] ?? 0) <= DVC_RANGE.maxMajor;
}

/** The one message for a Python version the pipeline cannot use, e.g. `--python 3.99: not a supported …`. */
export function pythonProblem(origin: string, value: string): string {
  const [a, b] = PYTHON_RANGE.min;
  const [c, d] = PYTHON_RANGE.max;
  return `${origin} ${JSON.stringify(value)}: not a supported Python version; expected MAJOR.MINOR or MAJOR.MINOR.PATCH from ${a}.${b} to ${c}.${d} (for example ${PYTHON_RANGE.example})`;
}

/** The one message for a DVC version the pipeline cannot install, e.g. `--dvc 0.0.1: not a supported …`. */
export function dvcProblem(origin: string, value: string): string {
  return `${origin} ${JSON.stringify(value)}: not a supported DVC version; expected an exact MAJOR.MINOR.PATCH from ${DVC_RANGE.min.join('.')} to ${DVC_RANGE.maxMajor}.x (for example ${DVC_RANGE.example})`;
}
