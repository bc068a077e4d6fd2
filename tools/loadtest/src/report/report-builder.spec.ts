import { SampleRecorder } from '../stats/sample-recorder';
import { SubmissionLog } from '../submit/submission-log';
import { VerificationSummary } from '../verify/prediction-verifier';
import { buildReport, ReportInputs } from './report-builder';
import { formatNumber, renderMarkdownReport } from './markdown-report';
import { slugOf } from './report-writer';

function verification(overrides: Partial<VerificationSummary> = {}): VerificationSummary {
  const submitToDone = new SampleRecorder();
  const completedAt: number[] = [];
  const base = Date.parse('2026-01-01T00:00:10.000Z');
  // 300 completions spread over 3 s, each 10..39 ms after its submit
  for (let i = 0; i < 300; i++) {
    completedAt.push(base + i * 10);
    submitToDone.add(10 + (i % 30));
  }
  return {
    total: 300,
    done: 300,
    failed: 0,
    notFound: 0,
    pending: 0,
    lost: 0,
    wrong: 3,
    rewritten: 0,
    inconsistent: 0,
    unreadable: 0,
    byLanguage: { sv: { done: 300, wrong: 3 } },
    submitToDone,
    completedAt,
    statusCounts: { '200': 600 },
    problems: [],
    ...overrides,
  };
}

function inputs(overrides: Partial<ReportInputs> = {}): ReportInputs {
  const log = new SubmissionLog();
  for (let i = 0; i < 300; i++) {
    log.requestsSent++;
    log.requestsAnswered++;
    log.accept(`id-${i}`, 0);
    log.count('202');
    log.httpLatency.add(i < 296 ? 2 : 50); // 4 of 300 slow: p99 (rank 297) is slow
  }
  return {
    label: 'unit',
    startedAt: new Date('2026-01-01T00:00:09Z'),
    finishedAt: new Date('2026-01-01T00:00:20Z'),
    environment: {
      node: 'v20',
      platform: 'linux-x64',
      cpuModel: 'cpu',
      cpuCount: 2,
      memoryGiB: 24,
      hostname: 'h',
    },
    config: {},
    texts: { texts: [{ text: 'Hej', lang: 'sv' }], source: 'built-in' },
    shape: {
      model: 'open',
      ratePerSecond: 100,
      concurrency: null,
      submitBatch: 1,
      requestsPlanned: 300,
    },
    submitSeconds: 3,
    schedulerMaxLagMs: 1.5,
    log,
    verification: verification(),
    verifySeconds: 1,
    queue: { samples: 5, failures: 0, peakReady: 12, peakUnacked: null, peakDepth: 12, last: null },
    processes: [],
    metrics: {},
    resultsWritten: 300,
    notes: [],
    ...overrides,
  };
}

describe('buildReport', () => {
  it('computes rates and latency percentiles and passes a clean run', () => {
    const report = buildReport(inputs());
    expect(report.verdict).toEqual({ ok: true, failures: [] });
    expect(report.submit.acceptedPerSecond).toBe(100);
    expect(report.httpLatencyMs.p50).toBe(2);
    expect(report.httpLatencyMs.p99).toBe(50);
    expect(report.completion.submitToDoneMs.max).toBe(39);
    expect(report.completion.submitToDoneMs.p50).toBe(24);
    expect(report.completion.completedPerSecond).toBeCloseTo(100, 6);
    expect(report.completion.completedPerSecondTimeline).toEqual([100, 100, 100]);
    expect(report.completion.accuracy).toBeCloseTo(0.99, 6);
    expect(report.completion.duplicated).toBe(0);
  });

  it('fails on lost, duplicated (from each source), inconsistent and failed', () => {
    const lost = buildReport(
      inputs({ verification: verification({ lost: 2, notFound: 1, pending: 1 }) }),
    );
    expect(lost.verdict.ok).toBe(false);
    expect(lost.verdict.failures[0]).toMatch(/lost = 2/);

    const rewritten = buildReport(inputs({ verification: verification({ rewritten: 1 }) }));
    expect(rewritten.completion.duplicated).toBe(1);

    const extraWrites = buildReport(inputs({ resultsWritten: 305 }));
    expect(extraWrites.completion.duplicatedDetail.extraResultWrites).toBe(5);
    expect(extraWrites.verdict.ok).toBe(false);

    const twice = inputs();
    twice.log.accept('id-0', 0);
    expect(buildReport(twice).completion.duplicatedDetail.idHandedOutTwice).toBe(1);

    expect(
      buildReport(inputs({ verification: verification({ inconsistent: 1 }) })).verdict.ok,
    ).toBe(false);
    expect(buildReport(inputs({ verification: verification({ failed: 1 }) })).verdict.ok).toBe(
      false,
    );
  });

  it('checks only acceptance when verification was skipped', () => {
    const report = buildReport(inputs({ verification: null, resultsWritten: null }));
    expect(report.verdict.ok).toBe(true);
    expect(report.completion.verified).toBe(false);
    expect(report.completion.submitToDoneMs.count).toBe(0);
    expect(renderMarkdownReport(report)).toContain('Not verified');
  });

  it('does not count writes as duplicates when the counter is unknown', () => {
    expect(buildReport(inputs({ resultsWritten: null })).completion.duplicated).toBe(0);
  });

  it('fails a run that accepted nothing, with empty statistics', () => {
    const log = new SubmissionLog();
    const empty = verification({
      total: 0,
      done: 0,
      wrong: 0,
      submitToDone: new SampleRecorder(),
      completedAt: [],
    });
    const report = buildReport(inputs({ log, verification: empty, resultsWritten: 0 }));
    expect(report.verdict.failures).toContain('no prediction was accepted');
    expect(report.completion.completedPerSecond).toBeNull();
    expect(report.completion.submitToDoneMs.p99).toBeNull();
    expect(report.completion.accuracy).toBeNull();
    expect(renderMarkdownReport(report)).toContain('**FAIL**');
  });
});

describe('renderMarkdownReport', () => {
  it('shows the verdict, the correctness table and the latency table', () => {
    const md = renderMarkdownReport(buildReport(inputs()));
    expect(md).toContain('**PASS**');
    expect(md).toContain('| 300 | 0 | 0 | 0 | 3 | 0 | 99.00 % |');
    expect(md).toMatch(/\| submit → done \| 300 \| 24 \| 38 \| 39 \| 39 \|/);
  });
});

describe('formatNumber / slugOf', () => {
  it('formats integers, decimals and missing values', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(1.26)).toBe('1.3');
    expect(formatNumber(null)).toBe('–');
  });
  it('makes file-safe labels', () => {
    expect(slugOf('E2E: 2 predictors / batch 64')).toBe('e2e-2-predictors-batch-64');
    expect(slugOf('***')).toBe('run');
  });
});
