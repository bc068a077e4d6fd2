import { setTimeout as sleep } from 'node:timers/promises';

/** Pause between two canary rounds. */
export const CANARY_INTERVAL_MS = 250;

/**
 * Valid traffic sent while the fuzz runs: a submit then a read of the new id, one round after another.
 * Every answer must be the documented success (202, then 200); failures are collected.
 */
export class Canary {
  readonly ids: string[] = [];
  readonly failures: string[] = [];
  rounds = 0;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Runs one round: returns the new tracking id. */
  async round(): Promise<string | undefined> {
    try {
      const submitted = await fetch(`${this.baseUrl}/v1/predictions`, {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `Vi ses i morgon vid stationen, runda ${this.rounds}.` }),
        signal: AbortSignal.timeout(15_000),
      });
      if (submitted.status !== 202)
        throw new Error(`submit answered ${submitted.status}: ${await submitted.text()}`);
      const { trackingId } = (await submitted.json()) as { trackingId: string };
      const read = await fetch(`${this.baseUrl}/v1/predictions/${trackingId}`, {
        headers: this.headers,
        signal: AbortSignal.timeout(15_000),
      });
      if (read.status !== 200)
        throw new Error(`read answered ${read.status}: ${await read.text()}`);
      await read.body?.cancel();
      this.ids.push(trackingId);
      return trackingId;
    } catch (error) {
      this.failures.push((error as Error).message);
      return undefined;
    } finally {
      this.rounds += 1;
    }
  }

  /** Starts the background loop. */
  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.round();
        await sleep(CANARY_INTERVAL_MS);
      }
    })();
  }

  /** Stops the loop and waits for the round in flight. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
