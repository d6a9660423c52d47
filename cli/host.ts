import { nodeIO } from './nodeIO';
import type { CliIO } from '../shared/cli/io';

/**
 * Runs a command line in this Node process: its arguments, the real files
 * and streams, and the exit code it returns; an unexpected failure is one
 * line on stderr, never a stack trace.
 */
export async function runInProcess(run: (argv: readonly string[], io: CliIO) => Promise<number>): Promise<void> {
  // A reader that stops early (`mlsd estimate --json F | head`) closes the pipe: the rest
  // of the output has nowhere to go, which is what the reader asked for, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`mlsd: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
  try {
    process.exitCode = await run(process.argv.slice(2), nodeIO);
  } catch (error) {
    process.stderr.write(`mlsd: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
