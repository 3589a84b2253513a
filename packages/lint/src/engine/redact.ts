/** Findings leave the engine redacted: no message shows a secret quoted from a file. */
import type { Diagnostic } from '../model.js';
import { redactText } from '../rules/util/secrets.js';

export function redactDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    const message = redactText(d.message);
    if (message !== d.message) diagnostics[i] = { ...d, message };
  }
  return diagnostics;
}
