/** Values fixes fall back to when the repository says nothing. */

/** DVC version the templates install by default. */
export const DEFAULT_DVC_VERSION = '3.63.0';
