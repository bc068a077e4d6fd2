// Jest globalSetup for every *.e2e-spec.ts suite: makes sure the real RabbitMQ and a
// MongoDB-compatible database (FerretDB, started and left running if absent) answer.
// Jest transforms this file and its relative imports with the project's ts-jest.
const { ensureMongo, ensureRabbit } = require('./infra');

module.exports = async function globalSetup() {
  const log = (line) => process.stderr.write(`[e2e setup] ${line}\n`);
  await ensureRabbit(undefined, { log });
  await ensureMongo(undefined, { detached: true, log });
};
