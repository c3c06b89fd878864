import { processIo } from './cli/io.js';

// A closed pipe (`secpol check | head`) is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
// `secpol --version` is what scripts and CI logs run most: answer it before loading the CLI
// (commander, the provider registry and their schemas), as commander would print it.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${__SECPOL_VERSION__}\n`);
} else {
  const { runCli } = await import('./cli/program.js');
  // The only place that sets the exit code: commands return it, they never exit.
  process.exitCode = await runCli(argv, processIo());
}
