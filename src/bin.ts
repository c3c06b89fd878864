
// Placeholder entry until the CLI lands.
if (process.argv.includes('--version')) process.stdout.write(`${__SECPOL_VERSION__}\n`);
