/** Where the commands write, and whether they may prompt. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stdin and stdout are terminals: prompts are allowed. */
  interactive: boolean;
  cwd: string;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    // A getter: touching process.stdin costs start-up time that --help/--version do not need.
    get interactive() {
      return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['CI'] !== 'true';
    },
    cwd: process.cwd(),
  };
}
