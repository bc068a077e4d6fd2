import { encodePredictionRequestedV1 } from '@sibyl/contracts';
import type { PredictionFixture } from './prediction.fixture';
import { SAMPLE_TEXTS } from './test-model';

/** Requests published per tick by {@link SteadyLoad}. */
const PER_TICK = 10;
/** Pause between ticks (about 200 requests/s when the machine keeps up). */
const TICK_MS = 50;

/**
 * Publishes prediction requests continuously, as the gateway does (request document, then the confirmed
 * message), until {@link stop}; remembers every request id so that the test can check each got its result.
 */
export class SteadyLoad {
  readonly ids: string[] = [];
  private stopped = false;
  private readonly running: Promise<void>;

  constructor(private readonly fx: PredictionFixture) {
    this.running = this.run();
  }

  /** Stops publishing; resolves with every request id published. */
  async stop(): Promise<string[]> {
    this.stopped = true;
    await this.running;
    return this.ids;
  }

  private async run(): Promise<void> {
    const { channel, names } = this.fx;
    for (let tick = 0; !this.stopped; tick++) {
      const texts = Array.from(
        { length: PER_TICK },
        (_, i) => SAMPLE_TEXTS[(tick * PER_TICK + i) % SAMPLE_TEXTS.length].text,
      );
      const messages = await this.fx.insertQueued(texts);
      for (const message of messages) {
        channel.publish(
          names.requestsExchange,
          names.routingKey,
          encodePredictionRequestedV1(message),
          { persistent: true, messageId: message.trackingId, type: names.routingKey },
        );
        this.ids.push(message.trackingId);
      }
      await channel.waitForConfirms();
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  }
}
