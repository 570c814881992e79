import { runPosture } from './posture/run';
import { run } from './run';

// A closed pipe (`pillar scan . | head`) is the reader's choice; other write failures get one line, not a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`pillar: cannot write output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? process.exitCode : 2);
});
const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
const [command, ...rest] = process.argv.slice(2);
if (command === 'posture') {
  // Ctrl+C stops the scan's calls; the report is not written.
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  void runPosture(rest, io, controller.signal).then((code) => {
    process.exitCode = code;
  });
} else {
  process.exitCode = run(process.argv.slice(2), io);
}
