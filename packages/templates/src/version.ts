import pkg from '../package.json' with { type: 'json' };

/** Version of the templates package; the version written in headers and pinned refs. */
export const TEMPLATES_VERSION: string = pkg.version;
