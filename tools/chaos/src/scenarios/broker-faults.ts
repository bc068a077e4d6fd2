import { Scenario } from './scenario';

/** The broker stopped (`rabbitmqctl stop_app` on the private node) for the fault time. */
export const brokerRestart: Scenario = {
  name: 'broker-restart',
  title: 'RabbitMQ stopped (stop_app) and started again (start_app)',
  needsPrivateBroker: true,
  async inject(ctx) {
    await ctx.broker.stopApp();
    await ctx.sleep(ctx.faultMs);
  },
  async heal(ctx) {
    await ctx.broker.startApp();
  },
  during: [
    { app: 'gateways', probe: 'live', expect: 'always-200' },
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
};

/** Packets to and from the broker dropped, not refused (proxy stalls every connection). */
export const brokerBlackhole: Scenario = {
  name: 'broker-blackhole',
  title: 'broker unreachable: packets dropped (not refused) by a proxy',
  async inject(ctx) {
    ctx.brokerProxy.set('blackhole');
    await ctx.sleep(ctx.faultMs);
  },
  async heal(ctx) {
    ctx.brokerProxy.set('forward');
  },
  during: [
    { app: 'gateways', probe: 'live', expect: 'always-200' },
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
  ],
};

/** The broker's memory alarm: publishers blocked until the watermark is restored. */
export const brokerMemoryAlarm: Scenario = {
  name: 'broker-memory-alarm',
  title: 'memory alarm (set_vm_memory_high_watermark 0.0001), then restored',
  needsPrivateBroker: true,
  async inject(ctx) {
    await ctx.broker.setWatermark(0.0001);
    await ctx.sleep(ctx.faultMs);
  },
  async heal(ctx) {
    await ctx.broker.resetWatermark();
  },
  during: [
    { app: 'gateways', probe: 'live', expect: 'always-200' },
    // the retry memory stays far below its bound at this rate: the gateway keeps accepting
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
    { app: 'predictors', probe: 'live', expect: 'always-200' },
  ],
};
