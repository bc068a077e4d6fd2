import type { OutboxEntry, SweepCandidate } from '../../src/outbox/outbox.store';
import type { SweepStore } from '../../src/outbox/outbox.sweeper';

/** A stored request in the fake: its result status, if any. */
export interface FakeRequest extends OutboxEntry {
  result?: 'done' | 'failed';
  error?: string;
}

/**
 * In-memory {@link SweepStore} for unit tests: the same queries as the real store (ranges on
 * `submittedAt`, cursor moving forward only), recording the calls.
 */
export class FakeSweepStore implements SweepStore {
  readonly requests = new Map<string, FakeRequest>();
  through = new Date(0);
  readonly pages: Array<{ from: Date; to: Date; limit: number }> = [];
  readonly attempts: Array<{ trackingId: string; attempt: number }> = [];

  add(id: string, submittedAt: Date, init: Partial<FakeRequest> = {}): this {
    this.requests.set(id, {
      _id: id,
      text: `text ${id}`,
      submittedAt,
      publishAttempts: 1,
      ...init,
    });
    return this;
  }

  async sweptThrough(): Promise<Date> {
    return this.through;
  }

  async advanceSweep(through: Date): Promise<void> {
    if (through > this.through) this.through = through;
  }

  async requestsSubmittedBetween(from: Date, to: Date, limit: number): Promise<SweepCandidate[]> {
    this.pages.push({ from, to, limit });
    return [...this.requests.values()]
      .filter((r) => r.submittedAt >= from && r.submittedAt < to)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .slice(0, limit)
      .map(({ _id, submittedAt, publishAttempts, republishedAt }) => ({
        _id,
        submittedAt,
        publishAttempts,
        republishedAt,
      }));
  }

  async resultIdsSubmittedBetween(from: Date, to: Date): Promise<Set<string>> {
    const ids = [...this.requests.values()].filter(
      (r) => r.result && r.submittedAt >= from && r.submittedAt <= to,
    );
    return new Set(ids.map((r) => r._id));
  }

  async requestsWithText(ids: readonly string[]): Promise<OutboxEntry[]> {
    return ids.flatMap((id) => {
      const request = this.requests.get(id);
      return request
        ? [
            {
              _id: id,
              text: request.text,
              submittedAt: request.submittedAt,
              publishAttempts: request.publishAttempts,
            },
          ]
        : [];
    });
  }

  async recordAttempts(
    entries: ReadonlyArray<{ trackingId: string; attempt: number }>,
    at: Date,
  ): Promise<void> {
    for (const entry of entries) {
      this.attempts.push(entry);
      const request = this.requests.get(entry.trackingId);
      if (request) Object.assign(request, { publishAttempts: entry.attempt, republishedAt: at });
    }
  }

  async giveUp(entries: readonly SweepCandidate[], error: string): Promise<void> {
    for (const entry of entries) {
      const request = this.requests.get(entry._id);
      if (request && !request.result) Object.assign(request, { result: 'failed', error });
    }
  }
}
