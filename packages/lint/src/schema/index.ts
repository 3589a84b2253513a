import type { Diagnostic, Workflow } from '../model.js';

/** Structural (JSON Schema) validation of a parsed workflow; diagnostics use rule id "schema". */
export function validateStructure(_workflow: Workflow): Diagnostic[] {
  return [];
}
