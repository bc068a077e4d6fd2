import { QueueDepthSummary } from '../monitor/queue-depth-poller';
import { ProcessCpu } from '../monitor/process-cpu-sampler';
import { summarize } from '../stats/percentiles';
import { throughputOf } from '../stats/throughput-timeline';
import { SubmissionLog } from '../submit/submission-log';
import { LabelledTextSet } from '../texts/labelled-texts';
import { emptyVerificationSummary, VerificationSummary } from '../verify/prediction-verifier';
import { LoadReport, RunEnvironment } from './load-report';

/** Everything a run collected, handed to {@link buildReport}. */
export interface ReportInputs {
  label: string;
  startedAt: Date;
  finishedAt: Date;
  environment: RunEnvironment;
  config: Record<string, unknown>;
  texts: LabelledTextSet;
  shape: {
    model: 'open' | 'closed';
    ratePerSecond: number | null;
    concurrency: number | null;
    submitBatch: number;
    requestsPlanned: number | null;
  };
  submitSeconds: number;
  schedulerMaxLagMs: number | null;
  log: SubmissionLog;
  /** Null when verification was skipped. */
  verification: VerificationSummary | null;
  verifySeconds: number;
  queue: QueueDepthSummary;
  processes: ProcessCpu[];
  metrics: Record<string, Record<string, number>>;
  /**
   * Results the predictors report having written during the run (sum of the
   * results-written counter deltas); null when not exposed. More writes than done
   * ids means a result was written twice.
   */
  resultsWritten: number | null;
  notes: string[];
}

/**
 * Computes the report figures: rates, percentiles, the duplicate tally and the
 * verdict (lost = 0, duplicated = 0, inconsistent = 0, at least one accepted).
 */
export function buildReport(inputs: ReportInputs): LoadReport {
  const { log } = inputs;
  const verified = inputs.verification !== null;
  const v = inputs.verification ?? emptyVerificationSummary();
  const accepted = log.ids.length;
  const completions = throughputOf(v.completedAt);
  const firstSubmit = firstSubmittedAt(v);
  const endToEndSpan =
    firstSubmit !== null && completions.lastAt !== null
      ? (completions.lastAt - firstSubmit) / 1000
      : null;
  const writtenExcess =
    inputs.resultsWritten === null ? 0 : Math.max(0, inputs.resultsWritten - (v.done + v.failed));
  const duplicatedDetail = {
    idHandedOutTwice: log.duplicateIds,
    resultChangedOnReread: v.rewritten,
    extraResultWrites: writtenExcess,
  };
  const duplicated =
    duplicatedDetail.idHandedOutTwice +
    duplicatedDetail.resultChangedOnReread +
    duplicatedDetail.extraResultWrites;
  const failures: string[] = [];
  if (accepted === 0) failures.push('no prediction was accepted');
  if (!verified) {
    // accept path only: nothing to check beyond acceptance
  } else if (v.lost > 0)
    failures.push(`lost = ${v.lost} (404: ${v.notFound}, still pending: ${v.pending})`);
  if (verified && duplicated > 0)
    failures.push(`duplicated = ${duplicated} (${JSON.stringify(duplicatedDetail)})`);
  if (verified && v.inconsistent > 0)
    failures.push(`inconsistent = ${v.inconsistent} (the same text got different languages)`);
  if (verified && v.failed > 0)
    failures.push(`failed = ${v.failed} predictions ended in status failed`);
  return {
    tool: 'sibyl-loadtest',
    reportVersion: 1,
    label: inputs.label,
    startedAt: inputs.startedAt.toISOString(),
    finishedAt: inputs.finishedAt.toISOString(),
    environment: inputs.environment,
    config: inputs.config,
    texts: {
      source: inputs.texts.source,
      count: inputs.texts.texts.length,
      languages: new Set(inputs.texts.texts.map((t) => t.lang)).size,
    },
    submit: {
      ...inputs.shape,
      requestsSent: log.requestsSent,
      clientDropped: log.clientDropped,
      predictionsAccepted: accepted,
      durationSeconds: inputs.submitSeconds,
      acceptedPerSecond: inputs.submitSeconds > 0 ? accepted / inputs.submitSeconds : 0,
      requestsPerSecond: inputs.submitSeconds > 0 ? log.requestsAnswered / inputs.submitSeconds : 0,
      schedulerMaxLagMs: inputs.schedulerMaxLagMs,
      statusCounts: log.statusCountsObject(),
      errorSamples: log.errorSamples,
    },
    httpLatencyMs: summarize(log.httpLatency.values()),
    completion: {
      verified,
      done: v.done,
      failed: v.failed,
      lost: v.lost,
      notFound: v.notFound,
      pending: v.pending,
      duplicated,
      duplicatedDetail,
      wrong: v.wrong,
      inconsistent: v.inconsistent,
      unreadable: v.unreadable,
      accuracy: v.done > 0 ? (v.done - v.wrong) / v.done : null,
      completedPerSecond: completions.average,
      completedPerSecondSustained: completions.sustainedMedian,
      completedPerSecondEndToEnd:
        endToEndSpan !== null && endToEndSpan > 0 ? v.done / endToEndSpan : null,
      completedPerSecondTimeline: completions.perSecond,
      submitToDoneMs: summarize(v.submitToDone.values()),
      verifySeconds: inputs.verifySeconds,
      verifyStatusCounts: v.statusCounts,
      byLanguage: v.byLanguage,
      problems: v.problems,
    },
    queue: inputs.queue,
    processes: inputs.processes,
    metrics: inputs.metrics,
    notes: inputs.notes,
    verdict: { ok: failures.length === 0, failures },
  };
}

/** Earliest submittedAt among done ids: completedAt − submitToDone. */
function firstSubmittedAt(v: VerificationSummary): number | null {
  const latencies = v.submitToDone.values();
  if (latencies.length !== v.completedAt.length || latencies.length === 0) return null;
  let first = Infinity;
  for (let i = 0; i < latencies.length; i++)
    first = Math.min(first, v.completedAt[i] - latencies[i]);
  return first;
}
