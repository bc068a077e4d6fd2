import { SHADOW_DISAGREEMENTS_KEPT } from '../registry.constants';
import { shadowReport } from './shadow-report';
import type { LiveOutcome, ShadowResult, ShadowRun } from './shadow-run';

const run: ShadowRun = {
  _id: 'active',
  runId: 'r1',
  version: 'langid-bbbbbbbbbbbb',
  sha256: 'b'.repeat(64),
  liveVersion: 'langid-aaaaaaaaaaaa',
  sample: 0.5,
  max: 100,
  queueMaxLength: 1000,
  startedAt: new Date('2026-12-07T10:00:00Z'),
  actor: 'test',
  predictions: 0,
};

function result(id: string, language: string, live?: LiveOutcome): ShadowResult {
  return {
    _id: `r1:${id}`,
    runId: 'r1',
    trackingId: id,
    version: run.version,
    text: `text ${id}`,
    language,
    confidence: 0.6,
    at: new Date(),
    ...(live ? { live } : {}),
  };
}

const live = (language: string): LiveOutcome => ({
  language,
  confidence: 0.9,
  modelVersion: run.liveVersion,
});

describe('shadowReport', () => {
  it('compares with the live result recorded at shadow time or looked up later, by live language', () => {
    const results = [
      result('1', 'sv', live('sv')), // live first: recorded with the shadow result
      result('2', 'de'), // live later: found by the lookup
      result('3', 'nb'),
      result('4', 'en'), // no live result yet: unmatched
    ];
    const lookedUp = new Map([
      ['2', live('de')],
      ['3', live('da')],
    ]);
    const end = { finishedAt: new Date('2026-12-07T11:00:00Z'), stopReason: 'stopped by test' };
    expect(shadowReport(run, results, lookedUp, end)).toEqual({
      liveVersion: run.liveVersion,
      startedAt: run.startedAt,
      finishedAt: end.finishedAt,
      stopReason: 'stopped by test',
      runId: 'r1',
      sample: 0.5,
      max: 100,
      predictions: 4,
      unmatched: 1,
      compared: 3,
      agreed: 2,
      agreement: 2 / 3,
      perLanguage: {
        sv: { compared: 1, agreed: 1 },
        de: { compared: 1, agreed: 1 },
        da: { compared: 1, agreed: 0 },
      },
      disagreements: [
        {
          trackingId: '3',
          text: 'text 3',
          live: 'da',
          liveConfidence: 0.9,
          candidate: 'nb',
          candidateConfidence: 0.6,
        },
      ],
    });
  });

  it('keeps a bounded list of disagreements and reports 0 agreement when nothing compared', () => {
    const many = Array.from({ length: SHADOW_DISAGREEMENTS_KEPT + 5 }, (_, i) =>
      result(String(i), 'nb', live('da')),
    );
    const report = shadowReport(run, many, new Map());
    expect(report.compared).toBe(many.length);
    expect(report.disagreements).toHaveLength(SHADOW_DISAGREEMENTS_KEPT);
    expect(report.finishedAt).toBeUndefined();
    expect(shadowReport(run, [result('x', 'sv')], new Map())).toMatchObject({
      compared: 0,
      agreement: 0,
      unmatched: 1,
    });
  });
});
