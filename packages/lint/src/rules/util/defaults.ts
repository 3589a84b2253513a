/** Values fixes fall back to when the repository says nothing. */
import { inputsSchema } from '@mlops-pipeline/templates';

const FALLBACK_DVC_VERSION = '3.63.0';

function templatesDvcVersion(): string {
  try {
    const props = inputsSchema('github', 'dvc').properties as Record<string, { default?: unknown }> | undefined;
    const value = props?.['dvc-version']?.default;
    return typeof value === 'string' && /^\d+\.\d+\.\d+$/.test(value) ? value : FALLBACK_DVC_VERSION;
  } catch {
    return FALLBACK_DVC_VERSION;
  }
}

/** DVC version the templates install by default. */
export const DEFAULT_DVC_VERSION: string = templatesDvcVersion();
