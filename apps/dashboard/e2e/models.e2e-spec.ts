import type { PredictionView } from '@sibyl/contracts';
import { ModelRegistry, type ModelMetrics } from '@sibyl/registry';
import { workspaceRoot } from '@sibyl/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { LOAD_TEXTS } from './support/load.generator';
import { logIn } from './support/login';
import { SibylStack } from './support/sibyl.stack';

const ARTIFACTS = join(workspaceRoot(), 'test-artifacts/dashboard');
/** Texts whose feedback says the model was wrong, and the language the feedback gives instead. */
const WRONG_AS = 'da';
const TEXTS = LOAD_TEXTS.slice(0, 4);
/** The registered figures of the served model and of a candidate (shown rounded to 0.1 %). */
const LIVE_METRICS: ModelMetrics = { heldOutAccuracy: 0.9612, macroF1: 0.96, perLanguageF1: {} };
const CANDIDATE_METRICS: ModelMetrics = {
  heldOutAccuracy: 0.948,
  macroF1: 0.94,
  perLanguageF1: {},
};

/**
 * The Models panel in real Chromium against the real stack: texts classified by the predictor, feedback
 * posted with known right and wrong languages, and the panel must show the served version, its live
 * accuracy and the confused pair those numbers imply; then the registry (versions, status, held-out
 * accuracy, the live model's changelog) once the served artifact is registered and promoted.
 */
describe('dashboard Models panel, with feedback through the real gateway', () => {
  const stack = new SibylStack(ARTIFACTS);
  let browser: Browser;
  let page: Page;
  let results: PredictionView[];
  const cspViolations: string[] = [];

  const gateway = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      ...init,
      headers: { ...stack.adminHeaders, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await stack.start({ backlogAlertThreshold: 1000, sampleIntervalMs: 1000 });
    const batch = await gateway('/v1/predictions/batch', {
      method: 'POST',
      body: JSON.stringify({ texts: TEXTS }),
    });
    const ids = (batch.body as { items: { trackingId: string }[] }).items.map((i) => i.trackingId);
    results = [];
    for (const id of ids)
      results.push((await gateway(`/v1/predictions/${id}?wait=20000`)).body as PredictionView);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
    await logIn(page, stack.dashboardUrl, '/models');
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('shows the served version, its live accuracy from feedback and the confused pair', async () => {
    expect(results.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
    const version = results[0].modelVersion as string;
    // Three right, the first one wrong: 75 % over 4 items, one confusion (da said to be results[0]'s language).
    for (const [i, result] of results.entries()) {
      const language = i === 0 ? WRONG_AS : (result.language as string);
      const answer = await gateway(`/v1/predictions/${result.trackingId}/feedback`, {
        method: 'POST',
        body: JSON.stringify({ language }),
      });
      expect(answer.status).toBe(204);
    }
    const row = page.locator(`#models-versions tr[data-version="${version}"]`);
    await row.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (v) =>
        document.querySelector(`#models-versions tr[data-version="${v}"] td:nth-child(4)`)
          ?.textContent === '75.0 % (n 4)',
      version,
      { timeout: 30_000 },
    );
    expect(await row.locator('td').allInnerTexts()).toEqual([
      version,
      expect.stringContaining('served'),
      expect.any(String),
      '75.0 % (n 4)',
      '75.0 % (n 4)',
      '75.0 % (n 4)',
    ]);
    expect(await page.locator('#models-served').innerText()).toContain(version);
    expect(await page.locator('#models-focus').innerText()).toBe(version);
    expect(await page.locator('#models-accuracy').innerText()).toBe('75.0 % (n 4)');
    expect(await page.locator('#models-confused tbody tr td').allInnerTexts()).toEqual([
      WRONG_AS,
      results[0].language,
      '1',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'models-panel.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
  });

  it("shows the registry: versions with status and held-out accuracy, the live changelog, a candidate's shadow report", async () => {
    const served = results[0].modelVersion as string;
    // The served artifact registered (same bytes, same version) plus a candidate, in the stack's
    // database; the served one promoted over REST with the admin key, so the changelog has an actor.
    const connection = await mongoose.createConnection(stack.mongoUri).asPromise();
    let candidate: string;
    try {
      const registry = new ModelRegistry(connection.db!);
      const bytes = readFileSync(join(workspaceRoot(), 'models/langid/langid.model'));
      const provenance = { corpusHash: 'c'.repeat(64), options: {}, commit: 'dashboard-e2e' };
      const live = await registry.add(bytes, {
        provenance,
        metrics: LIVE_METRICS,
        actor: 'dashboard-e2e',
        note: 'the served artifact',
      });
      expect(live.version).toBe(served);
      candidate = (
        await registry.add(Buffer.concat([bytes, Buffer.from('candidate')]), {
          provenance,
          metrics: CANDIDATE_METRICS,
          actor: 'dashboard-e2e',
          note: 'a candidate',
        })
      ).version;
      // A finished shadow run of the candidate (the report `models shadow` writes on stop).
      await registry.setShadowReport(
        candidate,
        {
          liveVersion: served,
          startedAt: new Date(),
          finishedAt: new Date(),
          stopReason: 'reached --max 40',
          predictions: 40,
          compared: 40,
          agreed: 38,
          agreement: 0.95,
          perLanguage: { de: { compared: 40, agreed: 38 } },
          disagreements: [
            { text: 'ein Text', live: 'de', candidate: 'nl' },
            { text: 'noch einer', live: 'de', candidate: 'da' },
          ],
        },
        'dashboard-e2e',
      );
    } finally {
      await connection.close();
    }
    const promoted = await gateway(`/v1/models/${served}/promote`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'dashboard e2e promotion' }),
    });
    expect(promoted.status).toBe(200);

    await page.waitForFunction(
      (v) => document.getElementById('models-live')?.textContent === v,
      served,
      { timeout: 30_000 },
    );
    const cells = (version: string) =>
      page.locator(`#models-versions tr[data-version="${version}"] td`).allInnerTexts();
    await page
      .locator(`#models-versions tr[data-version="${candidate}"]`)
      .waitFor({ timeout: 30_000 });
    expect(await cells(served)).toEqual([
      served,
      'live, served',
      '96.1 %',
      '75.0 % (n 4)',
      '75.0 % (n 4)',
      '75.0 % (n 4)',
    ]);
    expect(await cells(candidate)).toEqual([candidate, 'candidate', '94.8 %', '—', '—', '—']);
    const changelog = await page.locator('#models-changelog li').allInnerTexts();
    expect(changelog).toHaveLength(2);
    expect(changelog[0]).toMatch(
      /promoted by key:e2e-admin \([0-9a-f]{12}\) — dashboard e2e promotion$/,
    );
    expect(changelog[1]).toMatch(/added by dashboard-e2e — the served artifact$/);
    expect(await page.locator('#models-shadow').innerText()).toBe(
      `${candidate} against ${served}: agreement 95.0 % of 40 texts compared, 2 disagreements listed (npm run models -- show ${candidate}). Stopped: reached --max 40.`,
    );
    expect(await page.locator('#alerts').innerText()).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'models-registry.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
  });
});
