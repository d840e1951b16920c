import fs from 'node:fs';
import { TOOL_NAME } from './version';
import type { Io } from './main';

/** Exit code when the report could not be written, or the run stopped without finishing. */
const FAILED = 2;

/**
 * Runs `main` as the process: exits with its code once stdout and stderr are flushed, so a timer left by project
 * code cannot keep the process alive; a reader that stops reading (`| head`) ends the output quietly; a report
 * that could not be written (a full disk) is exit 2 with one line; and if the event loop drains before `main`
 * settles, the exit is 2 with one line instead of a silent 0.
 */
export function runAsProcess(main: (argv: readonly string[], io: Io) => Promise<number>, argv: readonly string[]): void {
  let finished = false;
  let lostOutput: string | undefined;
  const onOutputError = (stream: string) => (error: NodeJS.ErrnoException) => {
    // EPIPE: whoever read the output stopped reading; what they got was their choice, the exit code still tells.
    if (error.code !== 'EPIPE') lostOutput ??= `could not write to ${stream} (${error.code ?? error.message})`;
  };
  process.stdout.on('error', onOutputError('standard output'));
  process.stderr.on('error', onOutputError('standard error'));
  process.on('exit', () => {
    if (finished) return;
    writeLine('stopped before finishing (something it waited on never settled); please report it with the command you ran.');
    process.exitCode = FAILED;
  });

  const end = (code: number) => {
    finished = true;
    flush(process.stdout, () =>
      flush(process.stderr, () =>
        // Errors from the last writes arrive on later ticks.
        setImmediate(() => {
          if (lostOutput !== undefined) writeLine(`${lostOutput}; the report is incomplete.`);
          process.exit(lostOutput !== undefined ? FAILED : code);
        }),
      ),
    );
  };
  main(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(end, (error: unknown) => {
    writeLine(`internal error: ${error instanceof Error ? error.message : String(error)}; please report it with the command you ran.`);
    end(FAILED);
  });
}

function flush(stream: NodeJS.WriteStream, done: () => void): void {
  if (stream.destroyed || stream.writableLength === 0) {
    done();
    return;
  }
  stream.write('', () => done());
}

/** Straight to the descriptor: works while exiting, and never throws. */
function writeLine(text: string): void {
  try {
    fs.writeSync(2, `${TOOL_NAME}: ${text}\n`);
  } catch {
    // stderr is gone too; the exit code is all that is left.
  }
}
