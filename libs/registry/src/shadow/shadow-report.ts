import type { ShadowDisagreement, ShadowReport } from '../model-record';
import { SHADOW_DISAGREEMENTS_KEPT } from '../registry.constants';
import type { LiveOutcome, ShadowResult, ShadowRun } from './shadow-run';

/** How a report ends (absent while the run is active). */
export interface ShadowReportEnd {
  finishedAt: Date;
  stopReason: string;
}

/**
 * The agreement report of a run: every shadow result compared with the live result of the same
 * request (recorded at shadow time, else from `live`, looked up later: the live result may land
 * before or after the shadow one), overall and by the live model's language, with the first
 * {@link SHADOW_DISAGREEMENTS_KEPT} disagreements. Results without a `done` live result are
 * `unmatched`, not compared.
 */
export function shadowReport(
  run: ShadowRun,
  results: readonly ShadowResult[],
  live: ReadonlyMap<string, LiveOutcome>,
  end?: ShadowReportEnd,
): ShadowReport {
  const perLanguage: ShadowReport['perLanguage'] = {};
  const disagreements: ShadowDisagreement[] = [];
  let compared = 0;
  let agreed = 0;
  for (const result of results) {
    const outcome = result.live ?? live.get(result.trackingId);
    if (!outcome) continue;
    const same = outcome.language === result.language;
    const language = (perLanguage[outcome.language] ??= { compared: 0, agreed: 0 });
    compared += 1;
    language.compared += 1;
    if (same) {
      agreed += 1;
      language.agreed += 1;
    } else if (disagreements.length < SHADOW_DISAGREEMENTS_KEPT) {
      disagreements.push(disagreementOf(result, outcome));
    }
  }
  return {
    liveVersion: run.liveVersion,
    startedAt: run.startedAt,
    ...(end ? { finishedAt: end.finishedAt, stopReason: end.stopReason } : {}),
    runId: run.runId,
    sample: run.sample,
    max: run.max,
    predictions: results.length,
    unmatched: results.length - compared,
    compared,
    agreed,
    agreement: compared === 0 ? 0 : agreed / compared,
    perLanguage,
    disagreements,
  };
}

function disagreementOf(result: ShadowResult, live: LiveOutcome): ShadowDisagreement {
  return {
    trackingId: result.trackingId,
    text: result.text,
    live: live.language,
    liveConfidence: live.confidence,
    candidate: result.language,
    candidateConfidence: result.confidence,
  };
}
