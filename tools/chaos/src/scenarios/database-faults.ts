import { Scenario } from './scenario';

/** The database process frozen (SIGSTOP) for the fault time, then resumed (SIGCONT). */
export const databaseFrozen: Scenario = {
  name: 'database-frozen',
  title: 'database frozen (SIGSTOP … SIGCONT of the FerretDB the tool started)',
  async inject(ctx) {
    process.kill(ctx.databasePid, 'SIGSTOP');
    await ctx.sleep(ctx.faultMs);
  },
  async heal(ctx) {
    process.kill(ctx.databasePid, 'SIGCONT');
  },
  during: [
    { app: 'gateways', probe: 'live', expect: 'always-200' },
    { app: 'gateways', probe: 'ready', expect: 'sometimes-not-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
};

/**
 * Only the predictors lose the database (their proxy refuses), for longer than redeliveries up
 * to the delivery limit would last: requests must wait, not be dead-lettered as failed.
 */
export const predictorDatabasePartition: Scenario = {
  name: 'predictor-db-partition',
  title: 'predictors cut off from the database (gateway still reaches it)',
  async inject(ctx) {
    ctx.predictorDbProxy.set('refuse');
    await ctx.sleep(ctx.faultMs);
  },
  async heal(ctx) {
    ctx.predictorDbProxy.set('forward');
  },
  during: [
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
};
