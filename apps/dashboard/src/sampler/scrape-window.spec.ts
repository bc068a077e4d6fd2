import type { Scrape } from './scrape';
import { ScrapeWindow } from './scrape-window';

const scrape = (at: number) => ({ at }) as Scrape;

describe('ScrapeWindow', () => {
  it('has no baseline before the first scrape', () => {
    expect(new ScrapeWindow(5000).baselineFor(0)).toBeUndefined();
  });

  it('measures from the oldest scrape inside the window', () => {
    const window = new ScrapeWindow(5000);
    [0, 1000, 2000, 3000, 4000, 5000, 6000].forEach((at) => window.push(scrape(at)));
    expect(window.baselineFor(7000)?.at).toBe(2000);
    expect(window.baselineFor(6500)?.at).toBe(2000);
  });

  it('falls back to the latest scrape when the interval exceeds the window', () => {
    const window = new ScrapeWindow(500);
    window.push(scrape(0));
    window.push(scrape(1000));
    expect(window.baselineFor(2000)?.at).toBe(1000);
  });
});
