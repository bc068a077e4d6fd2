import { heldFault } from './held-fault';

/** The database process frozen (SIGSTOP) for the fault time, then resumed (SIGCONT). */
export const databaseFrozen = heldFault({
  name: 'database-frozen',
  title: 'database frozen (SIGSTOP … SIGCONT of the FerretDB the tool started)',
  start: (ctx) => process.kill(ctx.databasePid, 'SIGSTOP'),
  end: (ctx) => process.kill(ctx.databasePid, 'SIGCONT'),
  during: [
    { app: 'gateways', probe: 'live', expect: 'always-200' },
    { app: 'gateways', probe: 'ready', expect: 'sometimes-not-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
});

/**
 * Only the predictors lose the database (their proxy refuses), for longer than redeliveries up
 * to the delivery limit would last: requests must wait, not be dead-lettered as failed.
 */
export const predictorDatabasePartition = heldFault({
  name: 'predictor-db-partition',
  title: 'predictors cut off from the database (gateway still reaches it)',
  start: (ctx) => ctx.predictorDbProxy.set('refuse'),
  end: (ctx) => ctx.predictorDbProxy.set('forward'),
  during: [
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
});
