/**
 * Ctrl-C and SIGTERM during `--fix`: the write in progress finishes or is undone (no temp file
 * is left behind), then the process exits 130 (SIGINT) or 143 (SIGTERM), as shells expect.
 */
import { removePendingTempFiles } from '../fix/write.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export async function whileInterruptible<T>(work: () => Promise<T>): Promise<T> {
  const handlers = (Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]).map((signal) => {
    const handler = (): void => {
      removePendingTempFiles();
      process.exit(EXIT_CODES[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await work();
  } finally {
    // A signal that arrived during the last write is delivered before the handlers go.
    await new Promise((resolve) => setImmediate(resolve));
    for (const off of handlers) off();
  }
}
