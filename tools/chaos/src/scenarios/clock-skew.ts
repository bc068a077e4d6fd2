import { heldFault } from './held-fault';

/** How far behind the second gateway's clock runs. */
export const CLOCK_SKEW_MS = -120_000;

/**
 * Two gateways, the second with its wall clock two minutes behind (the clock-offset preload);
 * the broker refuses connections for the fault time so both outboxes must republish through
 * their sweeps — which must not skip the late clock's requests.
 */
export const clockSkew = heldFault({
  name: 'clock-skew',
  title: 'two gateways, one clock 2 min behind; broker refused meanwhile (outbox sweep)',
  gateways: [{}, { SIBYL_CLOCK_OFFSET_MS: String(CLOCK_SKEW_MS) }],
  start: (ctx) => ctx.brokerProxy.set('refuse'),
  end: (ctx) => ctx.brokerProxy.set('forward'),
  during: [{ app: 'gateways', probe: 'live', expect: 'always-200' }],
});
