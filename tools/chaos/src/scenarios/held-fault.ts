import { Scenario, ScenarioContext } from './scenario';

/** A lasting fault: how it starts and how it ends, plus the rest of its scenario. */
export interface HeldFault extends Omit<Scenario, 'inject' | 'heal'> {
  /** Starts the fault (a proxy mode, a signal, a broker command). */
  start(ctx: ScenarioContext): unknown;
  /** Ends it; `finally`-safe, may run twice. */
  end(ctx: ScenarioContext): unknown;
  /**
   * Shortest hold, whatever `ctx.faultMs` says, for a fault the apps can only notice after a delay of their own
   * (a silent broker: the AMQP heartbeat); a shorter hold would end the fault before health could report it.
   */
  minFaultMs?: number;
}

/**
 * The scenario of a lasting fault: `inject` starts it and holds it for `ctx.faultMs` (at least `minFaultMs`),
 * `heal` ends it.
 */
export function heldFault({ start, end, minFaultMs = 0, ...scenario }: HeldFault): Scenario {
  return {
    ...scenario,
    async inject(ctx) {
      await start(ctx);
      await ctx.sleep(Math.max(ctx.faultMs, minFaultMs));
    },
    async heal(ctx) {
      await end(ctx);
    },
  };
}
