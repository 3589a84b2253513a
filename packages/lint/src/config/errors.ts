/** A usage/config/IO problem: the CLI prints `file:line:col: message` and exits with 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:col: message` (or just the message when there is no file). */
  format(): string {
    if (!this.file) return this.message;
    return `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ''}: ${this.message}`;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
