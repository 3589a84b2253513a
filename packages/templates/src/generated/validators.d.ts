// Types of the generated validators.js (see src/validator-source.ts).
export interface CompiledError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: CompiledError[] | null;
}

export declare const validators: Record<string, CompiledValidator>;
