import { parsePrometheusText, sampleValue } from '@sibyl/observability/testing';
import { waitFor, workspaceRoot } from '@sibyl/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { submitOnDemoPage } from './support/demo-page';
import { submitBatch, submitPredictions } from './support/load.generator';
import { logIn } from './support/login';
import { SibylStack } from './support/sibyl.stack';

const ARTIFACTS = join(workspaceRoot(), 'test-artifacts/dashboard');
const BACKLOG_THRESHOLD = 100;
/** Single submits of the load test; the queue depth is checked where it is deterministic (no consumer). */
const LOAD_REQUESTS = 500;
/** Requests queued while no predictor consumes: above the alert threshold, so the backlog is certain. */
const BACKLOG_REQUESTS = BACKLOG_THRESHOLD + 50;

const SWEDISH =
  'Stockholm är Sveriges huvudstad och landets största stad. Staden ligger där Mälaren möter Östersjön och är byggd på ' +
  'fjorton öar. På sommaren badar många människor i de rena sjöarna, och på vintern kan man åka skridskor på isen.';
const ARABIC =
  'القاهرة هي عاصمة مصر وأكبر مدنها، وتقع على ضفاف نهر النيل. يزور المدينة ملايين السياح كل عام لمشاهدة الأهرامات ' +
  'والمتاحف والأسواق القديمة، ويستمتعون بالطعام الشهي وكرم الناس.';

const started = Date.now();
/** Progress of the long steps on stderr. */
function progress(message: string): void {
  process.stderr.write(
    `[dashboard e2e +${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`,
  );
}

/** Reads a KPI tile of the operations view as a number (NaN for "—"). */
function kpi(page: Page, id: string): Promise<number> {
  return page
    .locator(`#kpi-${id}`)
    .innerText()
    .then((text) => Number(text.replace(/[^0-9.]/g, '') || NaN));
}

async function scrape(url: string, key?: string) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000), headers });
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

describe('dashboard in a browser, against the real gateway, predictor, RabbitMQ and FerretDB', () => {
  const stack = new SibylStack(ARTIFACTS);
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    progress('starting gateway, predictor and dashboard');
    await stack.start({ backlogAlertThreshold: BACKLOG_THRESHOLD, sampleIntervalMs: 1000 });
    progress('stack ready');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => process.stderr.write(`[browser] ${error.message}\n`));
    // Chromium reports every Content-Security-Policy violation as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    await logIn(page, stack.dashboardUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  describe('demo page', () => {
    it.each([
      ['Swedish', SWEDISH, 'sv', 'Svenska', 'demo-swedish.png'],
      ['Arabic', ARABIC, 'ar', 'العربية', 'demo-arabic.png'],
    ])(
      'identifies a paragraph in %s through the gateway',
      async (english, text, code, native, screenshot) => {
        await page.goto(`${stack.dashboardUrl}/`);
        await submitOnDemoPage(page, text);
        expect(await page.locator('#status').innerText()).toBe('');
        expect(await page.locator('#result').getAttribute('data-language')).toBe(code);

        expect(await page.locator('#result-english').innerText()).toBe(english);
        expect(await page.locator('#result-native').innerText()).toBe(native);
        expect(await page.locator('#result-confidence').innerText()).toMatch(/^\d{1,3}\.\d %$/);
        const top = page.locator('#result-top li');
        expect(await top.count()).toBe(3);
        expect(await top.first().getAttribute('data-language')).toBe(code);
        await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
      },
    );

    it('asks for a text when the input is empty', async () => {
      await page.goto(`${stack.dashboardUrl}/`);
      await page.getByLabel('Input').fill('   ');
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.locator('#status.error').innerText()).resolves.toMatch(/text first/);
    });

    it("shows the gateway's error for a text above the size limit", async () => {
      await page.goto(`${stack.dashboardUrl}/`);
      await page.getByLabel('Input').fill('å'.repeat(60_000)); // 120,000 bytes in UTF-8 > MAX_TEXT_BYTES (102,400)
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.locator('#status.error').innerText()).resolves.toMatch(
        /limit is 102400 bytes/,
      );
      expect(await page.locator('#result').isHidden()).toBe(true);
    });
  });

  describe('operations view', () => {
    it('shows history at once, then throughput, latency and predictor figures moving under load', async () => {
      await page.goto(`${stack.dashboardUrl}/ops`);
      await page.waitForFunction(() => Number(document.body.dataset['samples']) >= 2, undefined, {
        timeout: 20_000,
      });
      expect(await page.locator('#connection').innerText()).toMatch(/^Live/);
      expect(await kpi(page, 'consumers')).toBe(1);
      expect(await page.locator('#kpi-model').innerText()).not.toBe('—');
      expect(await page.locator('.alert').count()).toBe(0);
      const gatewayBefore =
        sampleValue(
          await scrape(`${stack.gatewayUrl}/metrics`, stack.adminKey),
          'sibyl_requests_accepted_total',
        ) ?? 0;
      const predictorBefore =
        sampleValue(
          await scrape(stack.predictorMetricsUrl, stack.adminKey),
          'sibyl_predictions_completed_total',
        ) ?? 0;

      // Every waiter is armed before the load starts, so none depends on how fast the load runs.
      // Function predicates (a string one would be eval'd in the page, which the dashboard's CSP forbids).
      const figure = (
        predicate: (arg: string | null) => boolean,
        arg: string | null,
        timeout: number,
      ) => page.waitForFunction(predicate, arg, { timeout });
      const positive = (id: string) =>
        figure(
          (kpiId) =>
            Number(document.getElementById(kpiId ?? '')?.textContent?.replace(/,/g, '')) > 0,
          id,
          60_000,
        );
      const moved = Promise.all([
        positive('kpi-submitted'),
        positive('kpi-completed'),
        figure(
          () => !!document.getElementById('kpi-p95')?.textContent?.endsWith('s'),
          null,
          60_000,
        ),
        figure(
          () => Number(document.getElementById('chart-languages')?.dataset['bars']) >= 3,
          null,
          60_000,
        ),
      ]);
      progress(`submitting ${LOAD_REQUESTS} predictions`);
      await submitPredictions(stack.gatewayUrl, LOAD_REQUESTS, {
        headers: stack.adminHeaders,
        onProgress: (n) => progress(`${n}/${LOAD_REQUESTS} accepted`),
      });
      progress('waiting for the figures to move');
      await moved;

      // The counters behind those figures moved by the load, and both expositions are valid.
      const gatewayAfter =
        sampleValue(
          await scrape(`${stack.gatewayUrl}/metrics`, stack.adminKey),
          'sibyl_requests_accepted_total',
        ) ?? 0;
      expect(gatewayAfter - gatewayBefore).toBe(LOAD_REQUESTS);
      await page.screenshot({ path: join(ARTIFACTS, 'ops-under-load.png'), fullPage: true });
      let reported = 0;
      const completed = async () => {
        const count =
          (sampleValue(
            await scrape(stack.predictorMetricsUrl, stack.adminKey),
            'sibyl_predictions_completed_total',
          ) ?? 0) - predictorBefore;
        if (Date.now() - reported > 10_000) {
          progress(`${count}/${LOAD_REQUESTS} completed`);
          reported = Date.now();
        }
        return count >= LOAD_REQUESTS;
      };
      // Every request completes (no work lost) before the next test stops the predictor; slow on a busy machine.
      await waitFor(completed, {
        timeoutMs: 600_000,
        intervalMs: 1000,
        description: `${LOAD_REQUESTS} predictions completed`,
      });
      await page.waitForFunction(
        () => document.getElementById('kpi-ready')?.textContent === '0',
        undefined,
        { timeout: 30_000 },
      );
      // The throughput chart gains a point per sample: wait for it rather than assume the load lasted long enough
      // (on a quiet machine the whole load can complete within four samples).
      await page.waitForFunction(
        () => Number(document.getElementById('chart-throughput')?.dataset['points']) > 4,
        undefined,
        { timeout: 30_000 },
      );
      expect(
        Number(await page.locator('#chart-throughput').getAttribute('data-points')),
      ).toBeGreaterThan(4);
    }, 780_000);

    // The queue depth is checked here, where the backlog is deterministic: it is queued while no predictor consumes
    // (one running predictor may drain any burst before the dashboard samples it), then a predictor is started.
    it('shows the backlog and raises the no-consumer and backlog alerts, clearing them when a predictor returns', async () => {
      await page.goto(`${stack.dashboardUrl}/ops`);
      progress('stopping the predictor');
      await stack.predictor.stop();
      await page.locator('.alert[data-code="no-consumers"]').waitFor({ timeout: 30_000 });
      expect(await kpi(page, 'consumers')).toBe(0);

      progress(`queueing ${BACKLOG_REQUESTS} predictions without a consumer`);
      await submitBatch(stack.gatewayUrl, BACKLOG_REQUESTS, 120_000, stack.adminHeaders);
      await page.locator('.alert[data-code="backlog"]').waitFor({ timeout: 60_000 });
      // Nothing consumes, so the whole backlog stays queued until the predictor returns.
      await page.waitForFunction(
        (n) => Number(document.getElementById('kpi-ready')?.textContent?.replace(/,/g, '')) === n,
        BACKLOG_REQUESTS,
        { timeout: 60_000 },
      );
      expect(await page.locator('.alert[data-code="backlog"]').innerText()).toContain(
        `threshold of ${BACKLOG_THRESHOLD}`,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'ops-alerts.png'), fullPage: true });

      progress('restarting the predictor');
      await stack.startPredictor();
      progress('waiting for the alerts to clear');
      await page
        .locator('.alert[data-code="no-consumers"]')
        .waitFor({ state: 'detached', timeout: 60_000 });
      expect(await kpi(page, 'consumers')).toBe(1);
      await page
        .locator('.alert[data-code="backlog"]')
        .waitFor({ state: 'detached', timeout: 240_000 });
      expect(await kpi(page, 'ready')).toBeLessThanOrEqual(BACKLOG_THRESHOLD);
      progress('waiting for the queue to drain');
      await page.waitForFunction(
        () => document.getElementById('kpi-ready')?.textContent === '0',
        undefined,
        { timeout: 240_000 },
      );
      progress('waiting for the restarted predictor to complete predictions');
      await page.waitForFunction(
        () => Number(document.getElementById('chart-languages')?.dataset['bars']) >= 1,
        undefined,
        { timeout: 120_000 },
      );
      await page.screenshot({ path: join(ARTIFACTS, 'ops-recovered.png'), fullPage: true });
    }, 600_000);

    it('shows hovered values, keeps a zoomed range while samples arrive, and toggles series from the legend', async () => {
      await page.goto(`${stack.dashboardUrl}/ops`);
      await page.waitForFunction(() => Number(document.body.dataset['samples']) >= 2, undefined, {
        timeout: 20_000,
      });
      const chart = page.locator('#chart-queue');
      const rows = chart.locator('.u-legend .u-series');
      const time = rows.first().locator('.u-value');
      expect(await time.innerText()).toBe('latest');
      const plot = (await chart.locator('.u-over').boundingBox()) as NonNullable<
        Awaited<ReturnType<Locator['boundingBox']>>
      >;
      const at = (fraction: number) => plot.x + plot.width * fraction;
      const middle = plot.y + plot.height / 2;

      // Hover: the legend shows the time and values under the cursor.
      await page.mouse.move(at(0.9), middle);
      await page.waitForFunction(
        () =>
          /^\d\d:\d\d:\d\d$/.test(
            document.querySelector('#chart-queue .u-value')?.textContent ?? '',
          ),
        undefined,
        { timeout: 10_000 },
      );

      // Drag: zoom on a time range, kept while new samples arrive; double-click: back to the live window.
      await page.mouse.move(at(0.5), middle);
      await page.mouse.down();
      await page.mouse.move(at(0.95), middle, { steps: 5 });
      await page.mouse.up();
      expect(await chart.getAttribute('data-zoomed')).toBe('true');
      const shown = await page.locator('#connection').innerText();
      await page.waitForFunction(
        (before) => document.getElementById('connection')?.textContent !== before,
        shown,
        { timeout: 20_000 },
      );
      expect(await chart.getAttribute('data-zoomed')).toBe('true');
      await page.mouse.dblclick(at(0.7), middle);
      expect(await chart.getAttribute('data-zoomed')).toBe('false');

      // Legend: a click hides a series, another shows it again.
      await page.mouse.move(0, 0);
      await rows.nth(1).click();
      expect(await rows.nth(1).getAttribute('class')).toMatch(/\bu-off\b/);
      await rows.nth(1).click();
      expect(await rows.nth(1).getAttribute('class')).not.toMatch(/\bu-off\b/);
      await page.screenshot({ path: join(ARTIFACTS, 'ops-charts.png'), fullPage: true });
    });

    it('runs both pages without a Content-Security-Policy violation (no inline script or style)', () => {
      expect(cspViolations).toEqual([]);
    });

    it('serves its own health and metrics', async () => {
      expect((await fetch(`${stack.dashboardUrl}/health/live`)).status).toBe(200);
      expect((await fetch(`${stack.dashboardUrl}/health/ready`)).status).toBe(200);
      const own = await scrape(`${stack.dashboardUrl}/metrics`, stack.metricsKey);
      expect(
        sampleValue(own, 'sibyl_dashboard_scrapes_total', {
          source: 'gateway_queue',
          outcome: 'ok',
        }),
      ).toBeGreaterThan(0);
    });
  });
});
