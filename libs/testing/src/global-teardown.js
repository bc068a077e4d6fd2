// Jest globalTeardown of every *.e2e-spec.ts suite: stops the FerretDB that global-setup.js started
// (a no-op when the database already answered before the run).
module.exports = async function globalTeardown() {
  const database = globalThis.__sibylE2eDatabase;
  globalThis.__sibylE2eDatabase = undefined;
  if (!database?.started) return;
  process.stderr.write('[e2e teardown] stopping the FerretDB the setup started\n');
  await database.stop();
};
