import { formatNumber } from '../format/number-format';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/**
 * Horizontal bars as an HTML list (text stays selectable and readable by screen readers), largest first, at most
 * `maxBars`. Bar lengths are set through the CSSOM, which a strict style-src CSP allows.
 */
export class BarList {
  constructor(
    private readonly list: HTMLElement,
    private readonly maxBars = 8,
    private readonly emptyText = 'No predictions yet',
  ) {}

  /** Replaces the bars (any order; sorted here). */
  update(bars: readonly Bar[]): void {
    const shown = [...bars].sort((a, b) => b.value - a.value).slice(0, this.maxBars);
    const max = Math.max(...shown.map((b) => b.value), 1);
    this.list.dataset['bars'] = String(shown.length);
    if (shown.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = this.emptyText;
      this.list.replaceChildren(empty);
      return;
    }
    this.list.replaceChildren(...shown.map((bar) => this.row(bar, max)));
  }

  private row(bar: Bar, max: number): HTMLLIElement {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'bar-label';
    label.textContent = bar.label;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const fill = document.createElement('span');
    fill.className = 'bar-fill';
    fill.style.width = `${((bar.value / max) * 100).toFixed(2)}%`;
    track.append(fill);
    const value = document.createElement('span');
    value.className = 'bar-value';
    value.textContent = formatNumber(bar.value);
    item.append(label, track, value);
    return item;
  }
}
