import type { ProgressSink } from '../providers/types.js';

/** The process's streams, wrapped so that commands never touch `process` directly. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is an interactive terminal (progress lines allowed). */
  readonly stderrIsTty: boolean;
  /** stdout is an interactive terminal (colour allowed unless disabled). */
  readonly stdoutIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour follows NO_COLOR / FORCE_COLOR / --no-color and whether stdout is a terminal. */
export function colorEnabled(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTty && io.env.TERM !== 'dumb';
}

/** A single self-overwriting status line on stderr; silent when quiet or not a TTY. */
export function progressSink(io: Io, quiet: boolean): ProgressSink & { done(): void } {
  if (quiet || !io.stderrIsTty) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(message) {
      const now = Date.now();
      if (now - last < 100) return; // redrawing faster than the eye reads only costs time
      last = now;
      shown = true;
      // eslint-disable-next-line no-control-regex
      const clean = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 100);
      io.err(`\r\u001b[2K${clean}`);
    },
    done() {
      if (shown) io.err('\r\u001b[2K');
    },
  };
}
