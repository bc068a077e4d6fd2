/** One parsed Server-Sent Event. */
export interface StreamEvent {
  type: string;
  id?: string;
  data: unknown;
}

/**
 * A minimal `text/event-stream` reader over fetch (Node has no EventSource): collects the events
 * of `GET /v1/predictions/events` so a test can wait for the ones it expects.
 */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];

  private constructor(readonly response: Response) {}

  /** Opens the stream; the caller checks `response.status` (a refusal is not a stream). */
  static async open(url: string, key: string): Promise<EventStreamClient> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const client = new EventStreamClient(response);
    client.abort.signal.addEventListener('abort', () => abort.abort());
    if (response.ok && response.body) void client.read(response.body);
    return client;
  }

  /** The events of one type. */
  of(type: string): StreamEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  /** Resolves once `predicate` holds for the events received (rejects after `timeoutMs`). */
  async until(predicate: (events: StreamEvent[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`event stream: condition not met; got ${JSON.stringify(this.events)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Closes the stream. */
  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    const event: StreamEvent = { type: 'message', data: undefined };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.type = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    try {
      event.data = JSON.parse(text);
    } catch {
      event.data = text;
    }
    this.events.push(event);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
