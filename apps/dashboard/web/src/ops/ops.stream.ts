import type { OpsSample } from '../../../src/sampler/ops-sample';

export type { OpsSample };

/** Connection state of the live stream. */
export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows `GET /api/events`: the `history` event (re)sets the window — also after a reconnect, so gaps are
 * filled from the server — and each `sample` event appends to it, keeping at most `capacity` samples.
 */
export class OpsStream {
  private samples: OpsSample[] = [];

  constructor(
    private readonly url: string,
    private readonly capacity: number,
    private readonly onSamples: (samples: readonly OpsSample[]) => void,
    private readonly onState: (state: StreamState) => void,
  ) {}

  /** Opens the EventSource (it reconnects by itself). */
  start(): void {
    this.onState('connecting');
    const source = new EventSource(this.url);
    source.addEventListener('open', () => this.onState('live'));
    source.addEventListener('error', () =>
      this.onState(source.readyState === EventSource.CLOSED ? 'reconnecting' : 'connecting'),
    );
    source.addEventListener('history', (event) => {
      this.samples = (JSON.parse((event as MessageEvent<string>).data) as OpsSample[]).slice(
        -this.capacity,
      );
      this.onState('live');
      this.onSamples(this.samples);
    });
    source.addEventListener('sample', (event) => {
      this.samples.push(JSON.parse((event as MessageEvent<string>).data) as OpsSample);
      if (this.samples.length > this.capacity)
        this.samples.splice(0, this.samples.length - this.capacity);
      this.onSamples(this.samples);
    });
  }
}
