// Jest globalSetup for every *.e2e-spec.ts suite: makes sure the real RabbitMQ and a
// MongoDB-compatible database answer. A FerretDB started here (none answered) is stopped by
// global-teardown.js once the run is over, so a run leaves no process behind; one that already
// answered (npm test's, or your own) is left alone. RabbitMQ is the machine's shared broker: left running.
// Jest transforms this file and its relative imports with the project's ts-jest.
const { ensureMongo, ensureRabbit } = require('./infra');

module.exports = async function globalSetup() {
  const log = (line) => process.stderr.write(`[e2e setup] ${line}\n`);
  await ensureRabbit(undefined, { log });
  // globalSetup and globalTeardown run in the same process: the handle is passed on globalThis.
  globalThis.__sibylE2eDatabase = await ensureMongo(undefined, { detached: true, log });
};
