import { workspaceRoot } from '@sibyl/testing';
import { join } from 'node:path';
import { parseFuzzArgs } from './cli/fuzz-args';
import { FuzzGatewayStack } from './run/gateway-stack';
import { formatReport, runFuzz } from './run/fuzz-run';

/**
 * `npm run fuzz -- --runs N --seed S`: property-based fuzzing of the built gateway's whole HTTP API against the
 * real RabbitMQ and database (its own namespace and database). Prints progress and a report; exits 1 on a 5xx,
 * a crash, unbounded memory or a failed valid request. Re-run a failure with the printed seed.
 */
async function main(): Promise<void> {
  const args = parseFuzzArgs(process.argv.slice(2));
  const logDir = join(workspaceRoot(), 'test-artifacts/fuzz');
  const stack = new FuzzGatewayStack(logDir);
  process.stdout.write(
    `[fuzz] seed ${args.seed}, ${args.runs} requests; gateway log in ${logDir}\n`,
  );
  await stack.start();
  let failed = true;
  try {
    const report = await runFuzz(stack.target(), {
      ...args,
      progressEvery: 100,
      onProgress: (done, r) =>
        process.stdout.write(
          `[fuzz] ${done}/${args.runs} requests, peak RSS ${(r.rssPeakBytes / 2 ** 20).toFixed(0)} MiB\n`,
        ),
    });
    process.stdout.write(`${formatReport(report)}\n`);
    failed = Boolean(report.failure) || report.canaryFailures.length > 0;
  } finally {
    await stack.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: Error) => {
  process.stderr.write(`[fuzz] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
