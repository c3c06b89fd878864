import { processIo } from './cli/io.js';
import { runCli } from './cli/program.js';

// A closed pipe (`secpol check | head`) is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The only place that sets the exit code: commands return it, they never exit.
process.exitCode = await runCli(process.argv.slice(2), processIo());
