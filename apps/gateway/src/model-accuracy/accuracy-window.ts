import type {
  AccuracyWindowName,
  AccuracyWindowView,
  LanguageAccuracyView,
} from '@sibyl/contracts';
import { classificationReport } from '@sibyl/model';
import type { FeedbackVerdict } from '@sibyl/persistence';
import { CONFUSED_PAIRS_LISTED } from './model-accuracy.constants';

/**
 * Accuracy over one window of feedback (`items` newest first, as read): overall, per right
 * language (its recall) and the most frequent confusions. `truncated` says the window held more
 * than was read.
 */
export function accuracyWindow(
  window: AccuracyWindowName,
  items: readonly FeedbackVerdict[],
  truncated = false,
): AccuracyWindowView {
  const report = classificationReport(
    items.map((item) => item.actual),
    items.map((item) => item.predicted),
  );
  const perLanguage: Record<string, LanguageAccuracyView> = {};
  for (const [language, scores] of Object.entries(report.perLanguage)) {
    const correct = Math.round(scores.recall * scores.support);
    perLanguage[language] = { n: scores.support, correct, accuracy: scores.recall };
  }
  return {
    window,
    n: report.n,
    correct: report.correct,
    accuracy: report.n === 0 ? null : report.accuracy,
    from: items.length === 0 ? null : items[items.length - 1].at.toISOString(),
    to: items.length === 0 ? null : items[0].at.toISOString(),
    truncated,
    perLanguage,
    confusedPairs: report.confusions
      .slice(0, CONFUSED_PAIRS_LISTED)
      .map(({ expected, predicted, count }) => ({ actual: expected, predicted, count })),
  };
}
