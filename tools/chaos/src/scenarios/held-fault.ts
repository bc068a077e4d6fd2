import { Scenario, ScenarioContext } from './scenario';

/** A lasting fault: how it starts and how it ends, plus the rest of its scenario. */
export interface HeldFault extends Omit<Scenario, 'inject' | 'heal'> {
  /** Starts the fault (a proxy mode, a signal, a broker command). */
  start(ctx: ScenarioContext): unknown;
  /** Ends it; `finally`-safe, may run twice. */
  end(ctx: ScenarioContext): unknown;
}

/** The scenario of a lasting fault: `inject` starts it and holds it for `ctx.faultMs`, `heal` ends it. */
export function heldFault({ start, end, ...scenario }: HeldFault): Scenario {
  return {
    ...scenario,
    async inject(ctx) {
      await start(ctx);
      await ctx.sleep(ctx.faultMs);
    },
    async heal(ctx) {
      await end(ctx);
    },
  };
}
