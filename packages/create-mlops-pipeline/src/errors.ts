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

/** A SIGINT/SIGTERM arrived while writing; everything was rolled back. Exit 130 / 143 as a shell reports signals. */
export class InterruptedError extends Error {
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`Interrupted (${signal}); nothing was written.`);
    this.name = 'InterruptedError';
    this.exitCode = signal === 'SIGTERM' ? 143 : 130;
  }
}

/** File system failures in words, for a message that names the path instead of a raw `ELOOP: …`. */
const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link loop (a link that points back to itself)',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a file is in the way where a directory is expected',
  EISDIR: 'a directory where a file is expected',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  ENOTREG: 'not a regular file (a device, a FIFO or a link to one)',
  EFBIG: 'too large for a configuration file',
  EOUTSIDE: 'a link leading outside the repository',
};

/** The reason of a file system error in words, or undefined for other errors. */
export function fsReason(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? undefined : FS_REASONS[code];
}

/** One line for an unexpected failure: `cannot read <path>: <reason>` for file system errors. */
export function describeFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reason = fsReason(e);
  if (reason !== undefined) {
    const where = e.path;
    const verb = e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'stat' || e.syscall === 'lstat' || e.syscall === 'scandir' ? 'cannot read' : 'cannot access';
    return where ? `${verb} ${where}: ${reason}` : reason;
  }
  return (e?.message ?? String(err)).split('\n')[0] ?? String(err);
}
