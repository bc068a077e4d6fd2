import type { FeedbackLog, FeedbackVerdict } from '@sibyl/persistence';
import { Registry } from 'prom-client';
import { LiveAccuracyMonitor } from './live-accuracy.monitor';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import { ModelAccuracyService } from './model-accuracy.service';

/** A feedback log in memory: `items` per version, newest first. */
function fakeLog(items: Record<string, FeedbackVerdict[]>, fail?: Error): FeedbackLog {
  return {
    versionsSince: async () => {
      if (fail) throw fail;
      return Object.keys(items);
    },
    recent: async (version: string, limit: number, since?: Date) =>
      (items[version] ?? []).filter((item) => !since || item.at >= since).slice(0, limit),
  } as unknown as FeedbackLog;
}

const now = new Date('2026-12-07T04:00:00Z');
const verdict = (predicted: string, actual: string, hoursAgo = 0): FeedbackVerdict => ({
  predicted,
  actual,
  at: new Date(now.getTime() - hoursAgo * 3_600_000),
});

describe('LiveAccuracyMonitor', () => {
  const setup = (log: FeedbackLog) => {
    const metrics = new ModelAccuracyMetrics(new Registry(), { prefix: 'sibyl_' } as never);
    const monitor = new LiveAccuracyMonitor(log, new ModelAccuracyService(log), metrics, {
      refreshIntervalMs: 0,
    });
    return { metrics, monitor };
  };

  it('sets the accuracy and item gauges of every version with recent feedback, per window', async () => {
    const log = fakeLog({
      v1: [verdict('sv', 'sv'), verdict('da', 'nb'), verdict('sv', 'sv'), verdict('en', 'en', 30)],
    });
    const { metrics, monitor } = setup(log);
    await monitor.refresh(now);
    const accuracy = (await metrics.liveAccuracy.get()).values;
    expect(accuracy).toEqual(
      expect.arrayContaining([
        { labels: { model_version: 'v1', window: 'last_100' }, value: 0.75 },
        { labels: { model_version: 'v1', window: 'last_1000' }, value: 0.75 },
        { labels: { model_version: 'v1', window: 'last_24h' }, value: 2 / 3 },
      ]),
    );
    expect((await metrics.liveFeedback.get()).values).toContainEqual({
      labels: { model_version: 'v1', window: 'last_24h' },
      value: 3,
    });
    expect((await metrics.latestFeedback.get()).values).toEqual([
      { labels: { model_version: 'v1' }, value: now.getTime() / 1000 },
    ]);
  });

  it('counts a failed refresh and keeps the last values', async () => {
    const { metrics, monitor } = setup(fakeLog({}, new Error('database down')));
    metrics.liveAccuracy.set({ model_version: 'v1', window: 'last_100' }, 0.5);
    await monitor.refresh(now);
    expect((await metrics.refreshFailures.get()).values[0].value).toBe(1);
    expect((await metrics.liveAccuracy.get()).values).toHaveLength(1);
  });
});
