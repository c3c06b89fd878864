import { processIo } from './cli/io.js';
import { runCli } from './cli/program.js';

// The only place that sets the exit code: commands return it, they never exit.
process.exitCode = await runCli(process.argv.slice(2), processIo());
