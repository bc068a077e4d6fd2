import { median } from '@sibyl/loadtest';
import type { SwapBenchResult } from './swap-bench';
import { SWAP_TAIL_MS } from './swap-stats';

/** Heading of the BENCHMARKS.md section this bench writes. */
export const SWAP_SECTION = 'Model hot swap';

/** Targets of issue 11. */
const P99_RATIO_TARGET = 2;
const SWITCH_TARGET_SECONDS = 5;

const ms = (value: number | null): string => (value === null ? '–' : `${Math.round(value)}`);
const ratio = (value: number | null): string => (value === null ? '–' : value.toFixed(2));
const seconds = (value: number | null): string => (value === null ? 'never' : value.toFixed(2));
const versions = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([version, n]) => `${version}: ${n}`)
    .join(', ');

/** The markdown body of the "Model hot swap" section. */
export function renderSwapSection(result: SwapBenchResult): string {
  const steadyP99 = result.steady.submitToDoneMs.p99;
  const ratios = result.swaps.map((swap) =>
    steadyP99 && swap.window.submitToDoneMs.p99 !== null
      ? swap.window.submitToDoneMs.p99 / steadyP99
      : null,
  );
  const localRatios = result.swaps.map((swap) =>
    swap.before.submitToDoneMs.p99 && swap.window.submitToDoneMs.p99 !== null
      ? swap.window.submitToDoneMs.p99 / swap.before.submitToDoneMs.p99
      : null,
  );
  const worstLocal = Math.max(...localRatios.map((r) => r ?? Infinity));
  const switched = result.swaps.map((swap) => swap.allSwitchedSeconds);
  const allSwitched = switched.every((s) => s !== null);
  const worstSwitch = allSwitched ? Math.max(...(switched as number[])) : null;
  const medianRatio = median(ratios.filter((r): r is number => r !== null));
  const worstRatio = Math.max(...ratios.map((r) => r ?? Infinity));
  const m = result.machine;
  const lines = [
    `Measured ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC with \`${result.command}\` on ${m.cpuModel} ` +
      `(${m.cores} cores, ${m.memoryGiB} GiB), ${m.rabbitmq}, ${m.database}, Node ${m.node}. ` +
      "**Measured while the machine was shared** with other engineers' builds and tests: absolute latencies are " +
      'depressed and noisy; the ratios compare windows of the same run.',
    '',
    `1 gateway + ${result.predictors} predictors on the registry's live model under an open-model load of ` +
      `${result.rate} requests/s; the candidate (${result.models.candidate}, ${(result.models.bytes / 1048576).toFixed(1)} MiB) ` +
      `was promoted and rolled back ${result.swaps.length / 2} times (registry write, then \`model.promoted\` on the ` +
      `fanout exchange). A swap window runs from the promotion until ${SWAP_TAIL_MS / 1000} s after the last predictor ` +
      'swapped; the steady state is the window before the first swap, and "just before" the quiet stretch ' +
      'between the previous swap window and this swap. Latency is submit→done (gateway `submittedAt` to predictor ' +
      '`completedAt`) of the requests submitted in the window. A predictor "switched" at its own swap instant ' +
      '(`details.model.loadedAt` in `/health/ready`, same clock); "seen" is when the bench\'s 50 ms health poll ' +
      `first saw every predictor on it. Apps run from \`${result.distDir}\`.`,
    '',
    `- Requests: ${result.accepted} accepted, ${result.done} done, **${result.failed} failed, ${result.lost} lost**` +
      `; HTTP errors ${JSON.stringify(result.httpErrors)}, generator drops ${result.clientDropped} (arrivals not ` +
      'sent because 2 000 requests were already unanswered: when non-zero the stack did not sustain the offered ' +
      'rate and the latencies are those of a saturated pipeline).',
    '- The first promotion fetches the candidate from the registry; later swaps find both artifacts in the ' +
      "predictors' in-memory cache of the last two and only verify and decode them.",
    `- p99 during a swap ÷ p99 just before it: worst ${Number.isFinite(worstLocal) ? worstLocal.toFixed(2) : '–'}.`,
    `- Every predictor on the new version after: median ${seconds(median(switched.filter((s): s is number => s !== null)))} s, ` +
      `worst ${seconds(worstSwitch)} s (target ≤ ${SWITCH_TARGET_SECONDS} s: ${worstSwitch !== null && worstSwitch <= SWITCH_TARGET_SECONDS ? 'met' : 'NOT met'}).`,
    `- p99 during a swap ÷ steady p99: median ${medianRatio === null ? '–' : medianRatio.toFixed(2)}, worst ` +
      `${Number.isFinite(worstRatio) ? worstRatio.toFixed(2) : '–'} (target ≤ ${P99_RATIO_TARGET}: ` +
      `${worstRatio <= P99_RATIO_TARGET ? 'met' : 'NOT met'}).`,
    `- Predictor RSS before → after all swaps (MiB): ${result.rssMiB.map((r) => `${r.name} ${r.before ?? '?'} → ${r.after ?? '?'}`).join(', ')}.`,
    '',
    '| window | requests | p50 ms | p99 ms | max ms | p99 ÷ steady | p99 just before ms | p99 ÷ just before | all predictors switched (s) | seen (s) | results by version |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| ${result.steady.label} | ${result.steady.submitToDoneMs.count} | ${ms(result.steady.submitToDoneMs.p50)} | ` +
      `${ms(steadyP99)} | ${ms(result.steady.submitToDoneMs.max)} | 1.00 | – | – | – | – | ${versions(result.steady.versions)} |`,
    ...result.swaps.map(
      (swap, i) =>
        `| ${swap.window.label} | ${swap.window.submitToDoneMs.count} | ${ms(swap.window.submitToDoneMs.p50)} | ` +
        `${ms(swap.window.submitToDoneMs.p99)} | ${ms(swap.window.submitToDoneMs.max)} | ` +
        `${ratio(ratios[i])} | ${ms(swap.before.submitToDoneMs.p99)} | ${ratio(localRatios[i])} | ` +
        `${seconds(swap.allSwitchedSeconds)} (${swap.perPredictorSeconds.map(seconds).join(' / ')}) | ` +
        `${seconds(swap.allObservedSeconds ?? null)} | ${versions(swap.window.versions)} |`,
    ),
  ];
  return lines.join('\n');
}
