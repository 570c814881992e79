import { run } from './run';

// A closed pipe (`pillar scan . | head`) is the reader's choice; other write failures get one line, not a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`pillar: cannot write output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? process.exitCode : 2);
});
process.exitCode = run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
