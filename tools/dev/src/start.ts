import { AppProcess } from './app-process';
import { nx } from './commands';
import { ensureInfrastructure, infraConfig } from './infra';
import { ensureLiveModel } from './live-model';
import { ensureLocalKeyIn, LOCAL_KEY_FILE } from './local-key';
import { log } from './log';
import { ensureModel } from './model';
import { Supervisor } from './supervisor/supervisor';

const env = process.env;
const gatewayPort = Number(env.GATEWAY_PORT ?? 3000);
const dashboardPort = Number(env.DASHBOARD_PORT ?? 3001);
const predictorPort = Number(env.PREDICTOR_PORT ?? 3002);
const predictors = Number(env.PREDICTORS ?? 1);
/** How long the first start may take before a not-ready app is reported (it stays supervised). */
const STARTUP_READY_MS = 90_000;

/** The apps of a local run; predictor i serves health/metrics on predictorPort + i. */
function apps(modelPath: string, apiKey: string): AppProcess[] {
  const predictorPorts = Array.from({ length: predictors }, (_, i) => predictorPort + i);
  return [
    new AppProcess(
      'gateway',
      'dist/apps/gateway/main.js',
      { GATEWAY_PORT: String(gatewayPort) },
      `http://127.0.0.1:${gatewayPort}/health/ready`,
    ),
    ...predictorPorts.map(
      (port, i) =>
        new AppProcess(
          `predictor-${i + 1}`,
          'dist/apps/predictor/main.js',
          { PREDICTOR_PORT: String(port), MODEL_PATH: modelPath },
          `http://127.0.0.1:${port}/health/ready`,
        ),
    ),
    new AppProcess(
      'dashboard',
      'dist/apps/dashboard/main.js',
      {
        DASHBOARD_PORT: String(dashboardPort),
        DASHBOARD_API_KEY: env.DASHBOARD_API_KEY ?? apiKey,
        GATEWAY_URL: env.GATEWAY_URL ?? `http://127.0.0.1:${gatewayPort}`,
        PREDICTOR_METRICS_URLS:
          env.PREDICTOR_METRICS_URLS ??
          predictorPorts.map((port) => `http://127.0.0.1:${port}/metrics`).join(','),
      },
      `http://127.0.0.1:${dashboardPort}/health/live`,
    ),
  ];
}

async function main(): Promise<void> {
  const infra = infraConfig();
  const database = await ensureInfrastructure(infra, false);
  let stopping = false;
  // set once the apps are built and started
  const started: { supervisor?: Supervisor } = {};
  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('stopping…');
      await started.supervisor?.stop();
      await database.stop();
      if (started.supervisor)
        log(`restarts during this run: ${started.supervisor.describeRestarts()}`);
      log('stopped');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  log('building gateway, predictor and dashboard…');
  if ((await nx(['run-many', '-t', 'build', '-p', 'gateway', 'predictor', 'dashboard'])) !== 0)
    await shutdown(1);
  const modelPath = await ensureModel();
  await ensureLiveModel(infra, modelPath, log);
  const local = await ensureLocalKeyIn(infra.mongodbUri);
  log(
    local.created
      ? `created the local API key (every scope) in ${LOCAL_KEY_FILE} (mode 0600)`
      : `using the local API key in ${LOCAL_KEY_FILE}`,
  );

  // Like an orchestrator: a crashed app is restarted with back-off, the others keep
  // serving; only Ctrl-C (SIGINT/SIGTERM) stops everything.
  const running = apps(modelPath, local.key);
  const supervisor = new Supervisor(running, { log });
  started.supervisor = supervisor;
  supervisor.start();
  const notReady = await Promise.all(
    running.map((app) =>
      app.ready(STARTUP_READY_MS).then(
        () => null,
        (error: Error) => `${app.name}: ${error.message}`,
      ),
    ),
  );
  for (const problem of notReady.filter((p) => p !== null))
    log(`not ready yet, still supervised (see its log above): ${problem}`);

  const gateway = `http://127.0.0.1:${gatewayPort}`;
  process.stdout.write(`
Sibyl is up (${predictors} predictor${predictors === 1 ? '' : 's'}). A crashed app is restarted with back-off;
Ctrl-C stops everything started here.

  Gateway API     ${gateway}/v1/predictions      (OpenAPI: ${gateway}/docs)
  Dashboard       http://127.0.0.1:${dashboardPort}/          (operations: http://127.0.0.1:${dashboardPort}/ops)
  Predictor       http://127.0.0.1:${predictorPort}/health/ready   (metrics: http://127.0.0.1:${predictorPort}/metrics)
  Metrics         ${gateway}/metrics (gateway)   ${gateway}/v1/queue (queue depth)

API key (every scope; in ${LOCAL_KEY_FILE}, also the dashboard's): ${local.key}
Try it:
  export SIBYL_KEY=$(cat ${LOCAL_KEY_FILE})
  curl -s -X POST ${gateway}/v1/predictions -H "authorization: Bearer $SIBYL_KEY" \\
       -H 'content-type: application/json' \\
       -d '{"text":"Alla människor är födda fria och lika i värde och rättigheter."}'
  curl -s -H "authorization: Bearer $SIBYL_KEY" '${gateway}/v1/predictions/<trackingId>?wait=5000'
  npm run keys -- create --name ci --scopes predict,read     (more keys: npm run keys -- help)

`);
}

main().catch((error: Error) => {
  log(`start failed: ${error.message}`);
  process.exit(1);
});
