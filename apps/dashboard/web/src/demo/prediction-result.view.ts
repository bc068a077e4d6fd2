import type { PredictionView } from '../api/gateway.client';
import type { WebConfigView } from '../api/web-config.client';
import { formatPercent } from '../format/number-format';

/** Renders a finished prediction into the Result section of the demo page. */
export function renderPrediction(
  view: PredictionView,
  languages: WebConfigView['languages'],
  elapsedMs: number,
): void {
  const names = (code: string) => languages[code] ?? { english: code, native: code };
  const text = (id: string, value: string) =>
    ((document.getElementById(id) as HTMLElement).textContent = value);
  const code = view.language ?? 'und';
  text('result-english', view.languageName ?? names(code).english);
  text('result-native', view.nativeName ?? names(code).native);
  text('result-confidence', formatPercent(view.confidence));
  const top = document.getElementById('result-top') as HTMLOListElement;
  top.replaceChildren(
    ...view.top.map((candidate) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      const { english, native } = names(candidate.language);
      name.textContent = english === native ? english : `${english} · ${native}`;
      const bar = document.createElement('span');
      bar.className = 'bar';
      const fill = document.createElement('span');
      fill.style.width = `${Math.max(0, Math.min(1, candidate.score)) * 100}%`;
      bar.append(fill);
      const score = document.createElement('span');
      score.className = 'score';
      score.textContent = formatPercent(candidate.score);
      item.append(name, bar, score);
      item.dataset['language'] = candidate.language;
      return item;
    }),
  );
  text(
    'result-meta',
    `Tracking id ${view.trackingId} · model ${view.modelVersion ?? 'unknown'} · answered in ${Math.round(elapsedMs)} ms`,
  );
  const result = document.getElementById('result') as HTMLElement;
  result.dataset['language'] = code;
  result.hidden = false;
}
