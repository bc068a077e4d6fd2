import { runPipelineCli } from './pipeline-cli';

/** `npx tsx tools/bench/src/pipeline/main.ts --help` (also `npm run bench -- pipeline`). */
runPipelineCli(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`pipeline bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
