/** The package version, inlined at build time (esbuild --define). */
declare const __MLOPS_LINT_VERSION__: string | undefined;

export const VERSION: string = typeof __MLOPS_LINT_VERSION__ === 'string' ? __MLOPS_LINT_VERSION__ : '0.0.0-dev';
