import { Scenario } from './scenario';

/** How long a killed app stays down before the orchestrator (the stack) restarts it. */
export const RESTART_DELAY_MS = 5_000;

/** `app` killed with `signal`, and restarted {@link RESTART_DELAY_MS} later unless it came back. */
function appKilled(
  app: 'predictor-1' | 'gateway',
  signal: 'SIGKILL' | 'SIGTERM',
  scenario: Pick<Scenario, 'name' | 'title' | 'during'>,
): Scenario {
  return {
    ...scenario,
    async inject(ctx) {
      await ctx.stack.kill(app, signal);
      await ctx.sleep(RESTART_DELAY_MS);
    },
    async heal(ctx) {
      if (ctx.stack.app(app).process.hasExited) await ctx.stack.restart(app);
    },
  };
}

/** A predictor killed with `signal` while it holds a batch, restarted after a pause. */
function predictorKilled(signal: 'SIGKILL' | 'SIGTERM'): Scenario {
  return appKilled('predictor-1', signal, {
    name: `predictor-${signal.toLowerCase()}`,
    title: `predictor-1 ${signal} mid-batch, restarted ${RESTART_DELAY_MS / 1000} s later`,
    during: [
      { app: 'predictor-2', probe: 'live', expect: 'always-200' },
      { app: 'predictor-2', probe: 'ready', expect: 'always-200' },
      { app: 'gateways', probe: 'ready', expect: 'always-200' },
    ],
  });
}

export const predictorSigkill = predictorKilled('SIGKILL');
export const predictorSigterm = predictorKilled('SIGTERM');

/** The gateway killed under load (its connections and in-flight requests lost), restarted. */
export const gatewaySigkill = appKilled('gateway', 'SIGKILL', {
  name: 'gateway-sigkill',
  title: `gateway SIGKILL mid-load, restarted ${RESTART_DELAY_MS / 1000} s later`,
  during: [
    { app: 'predictors', probe: 'live', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'always-200' },
  ],
});
