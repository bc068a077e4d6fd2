import type { Page } from 'playwright-core';

/** How long a test waits for the demo page's answer (the page follows a tracking id for a minute). */
const DEMO_ANSWER_TIMEOUT_MS = 90_000;

/**
 * Submits `text` on the open demo page and waits for its answer: the result shown, or an error in
 * `#status` (the page follows the tracking id for up to a minute, then reports it there).
 */
export async function submitOnDemoPage(page: Page, text: string): Promise<void> {
  await page.getByLabel('Input').fill(text);
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForFunction(
    () =>
      !(document.getElementById('result') as HTMLElement).hidden ||
      document.getElementById('status')?.classList.contains('error'),
    undefined,
    { timeout: DEMO_ANSWER_TIMEOUT_MS },
  );
}
