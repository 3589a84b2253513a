/** A failure the user can act on: printed as one clear message, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** 1: the run failed; 2: wrong usage (bad flag, or a value that cannot be asked for). */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Thrown when the user cancels a prompt (Ctrl-C / Esc); nothing has been written. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled; nothing was written.');
    this.name = 'CancelledError';
  }
}
