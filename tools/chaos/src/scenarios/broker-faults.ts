import { DEFAULT_HEARTBEAT_SECONDS } from '@sibyl/amqp';
import { heldFault } from './held-fault';
import { HealthExpectation } from './scenario';

/** The gateways stay live and ready without a broker (the outbox holds the requests). */
const GATEWAYS_SERVE: HealthExpectation[] = [
  { app: 'gateways', probe: 'live', expect: 'always-200' },
  { app: 'gateways', probe: 'ready', expect: 'always-200' },
];

/** While the broker is lost: the gateways serve, the predictors report it on readiness. */
const BROKER_LOST: HealthExpectation[] = [
  ...GATEWAYS_SERVE,
  { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
];

/**
 * How long a silent broker (packets dropped, no connection error) stays unnoticed at most: amqplib declares the
 * peer dead after two heartbeat intervals without a frame, checked once an interval, so between two and three
 * intervals after the silence starts.
 */
const SILENT_BROKER_DETECTION_MS = 3 * DEFAULT_HEARTBEAT_SECONDS * 1000;
/** Health samples (one a second, 2 s timeout) of the noticed loss before the fault ends, on a loaded machine too. */
const NOTICED_LOSS_MS = 5_000;

/** The broker stopped (`rabbitmqctl stop_app` on the private node) for the fault time. */
export const brokerRestart = heldFault({
  name: 'broker-restart',
  title: 'RabbitMQ stopped (stop_app) and started again (start_app)',
  needsPrivateBroker: true,
  start: (ctx) => ctx.broker.stopApp(),
  end: (ctx) => ctx.broker.startApp(),
  during: BROKER_LOST,
});

/** Packets to and from the broker dropped, not refused (proxy stalls every connection). */
export const brokerBlackhole = heldFault({
  name: 'broker-blackhole',
  title: 'broker unreachable: packets dropped (not refused) by a proxy',
  start: (ctx) => ctx.brokerProxy.set('blackhole'),
  end: (ctx) => ctx.brokerProxy.set('forward'),
  // only the heartbeat can tell: a shorter hold (the fast e2e's 12 s) often ended before readiness reported it
  minFaultMs: SILENT_BROKER_DETECTION_MS + NOTICED_LOSS_MS,
  during: BROKER_LOST,
});

/** The broker's memory alarm: publishers blocked until the watermark is restored. */
export const brokerMemoryAlarm = heldFault({
  name: 'broker-memory-alarm',
  title: 'memory alarm (set_vm_memory_high_watermark 0.0001), then restored',
  needsPrivateBroker: true,
  start: (ctx) => ctx.broker.setWatermark(0.0001),
  end: (ctx) => ctx.broker.resetWatermark(),
  during: [
    // the retry memory stays far below its bound at this rate: the gateway keeps accepting
    ...GATEWAYS_SERVE,
    { app: 'predictors', probe: 'live', expect: 'always-200' },
  ],
});
