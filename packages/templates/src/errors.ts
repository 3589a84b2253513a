import type { InputProblem } from './types.js';

/** Thrown by `render` for invalid inputs or an unknown template; `.problems` names each input. */
export class TemplateInputError extends Error {
  readonly problems: InputProblem[];
  constructor(template: string, problems: InputProblem[]) {
    super(`invalid inputs for template "${template}":\n${problems.map((p) => `  ${p.input}: ${p.message}`).join('\n')}`);
    this.name = 'TemplateInputError';
    this.problems = problems;
  }
}

export function isTemplateInputError(err: unknown): err is TemplateInputError {
  return err instanceof TemplateInputError;
}
