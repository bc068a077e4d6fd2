import { ChildApp, freePort, workspaceRoot } from '@sibyl/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { submitOnDemoPage } from './support/demo-page';
import { logIn, sessionCookieFor } from './support/login';
import { DASHBOARD_LOGIN, SibylStack } from './support/sibyl.stack';

const ARTIFACTS = join(workspaceRoot(), 'test-artifacts/dashboard-security');
const FRENCH =
  'Nous avons mangé une excellente soupe de poisson au bord du port hier soir, puis nous avons marché ' +
  'le long des quais jusqu’à la vieille ville.';

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });

/** Headers every dashboard answer carries (helmet + the dashboard's CSP). */
function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('dashboard security: login, session cookie, headers, CSP, no key in the browser', () => {
  const stack = new SibylStack(ARTIFACTS);
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await stack.start({ backlogAlertThreshold: 1000, sampleIntervalMs: 1000 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('requires a login: pages redirect to /login, API and assets answer 401, probes stay open', async () => {
    for (const path of ['/', '/ops', '/index.html']) {
      const response = await get(stack.dashboardUrl + path, { accept: 'text/html' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of ['/api/events', '/api/config', '/assets/ops.js', '/api/predictions/x']) {
      const response = await get(stack.dashboardUrl + path);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
    const submit = await fetch(`${stack.dashboardUrl}/api/predictions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: FRENCH }),
    });
    expect(submit.status).toBe(401);
    // A non-canonical path cannot borrow the public stylesheet's exemption.
    expect((await get(`${stack.dashboardUrl}/styles.css/%2E%2E/index.html`)).status).toBe(401);
    expect((await get(`${stack.dashboardUrl}/health/live`)).status).toBe(200);
    expect((await get(`${stack.dashboardUrl}/login`)).status).toBe(200);
    const metrics = await get(`${stack.dashboardUrl}/metrics`);
    expect(metrics.status).toBe(401);
    expect(metrics.headers.get('www-authenticate')).toBe('Bearer realm="sibyl"');
  });

  it('refuses a bad login without a cookie', async () => {
    for (const form of <Array<Record<string, string>>>[
      { user: DASHBOARD_LOGIN.user, password: 'wrong-password' },
      { user: 'someone-else', password: DASHBOARD_LOGIN.password },
      { key: 'sk_not_a_real_key' },
    ]) {
      const response = await fetch(`${stack.dashboardUrl}/login`, {
        method: 'POST',
        body: new URLSearchParams(form),
        redirect: 'manual',
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toMatch(/Wrong user or password|Invalid or revoked key/);
    }
  });

  it('logs in with an admin key (verified by the gateway) but not with a key without admin scope', async () => {
    const login = (key: string) =>
      fetch(`${stack.dashboardUrl}/login`, {
        method: 'POST',
        body: new URLSearchParams({ key, next: '/ops' }),
        redirect: 'manual',
      });
    const admin = await login(stack.adminKey);
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/ops');
    const cookie = (admin.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await get(`${stack.dashboardUrl}/api/config`, { cookie })).status).toBe(200);
    // The cookie holds a signed session, not the key.
    expect(decodeURIComponent(cookie)).not.toContain(stack.adminKey);
    const reader = await login(stack.readKey);
    expect(reader.status).toBe(401);
    expect(reader.headers.get('set-cookie')).toBeNull();
    expect(await reader.text()).toContain('no admin scope');
  });

  it('serves its own /metrics to a metrics-scope key, not to a key without it', async () => {
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const metrics = await get(`${stack.dashboardUrl}/metrics`, bearer(stack.metricsKey));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('sibyl_dashboard_scrapes_total');
    expect((await get(`${stack.dashboardUrl}/metrics`, bearer(stack.readKey))).status).toBe(403);
    expect((await get(`${stack.dashboardUrl}/metrics`, bearer('sk_forged'))).status).toBe(401);
  });

  it('logs in with HttpOnly, SameSite=Strict cookies and logs out for good', async () => {
    const response = await fetch(`${stack.dashboardUrl}/login`, {
      method: 'POST',
      body: new URLSearchParams({ ...DASHBOARD_LOGIN, next: '/ops' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ops');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sibyl_session=v1\.[\w-]+\.[\w-]+; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure'); // plain-HTTP dashboard; see the Secure test below
    const cookie = setCookie.split(';')[0];
    expect((await get(`${stack.dashboardUrl}/api/config`, { cookie })).status).toBe(200);
    // An open redirect is not possible through `next`.
    const offsite = await fetch(`${stack.dashboardUrl}/login`, {
      method: 'POST',
      body: new URLSearchParams({ ...DASHBOARD_LOGIN, next: '//evil.example/' }),
      redirect: 'manual',
    });
    expect(offsite.headers.get('location')).toBe('/');
    // Unsafe requests from another origin are refused even with the cookie.
    const crossSite = await fetch(`${stack.dashboardUrl}/api/predictions`, {
      method: 'POST',
      headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ text: FRENCH }),
    });
    expect(crossSite.status).toBe(403);

    const logout = await fetch(`${stack.dashboardUrl}/logout`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('set-cookie')).toMatch(/^sibyl_session=; .*Max-Age=0/);
    expect((await get(`${stack.dashboardUrl}/api/config`, { cookie })).status).toBe(401);
  });

  it('marks the cookie Secure and sends HSTS when configured for TLS', async () => {
    const port = await freePort();
    let secure: ChildApp | undefined;
    try {
      secure = await stack.startDashboard(
        port,
        { DASHBOARD_COOKIE_SECURE: 'true' },
        'dashboard-secure',
      );
      const response = await fetch(`http://127.0.0.1:${port}/login`, {
        method: 'POST',
        body: new URLSearchParams(DASHBOARD_LOGIN),
        redirect: 'manual',
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await secure?.stop('SIGTERM', 15_000);
    }
  });

  it('sends the security headers on the login page, the pages, the API and the probes', async () => {
    const cookie = await sessionCookieFor(stack.dashboardUrl);
    for (const [path, headers] of [
      ['/login', {}],
      ['/', { cookie }],
      ['/api/config', { cookie }],
      ['/health/live', {}],
    ] as const) {
      const response = await get(stack.dashboardUrl + path, headers);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response);
    }
  });

  describe('in Chromium', () => {
    let page: Page;
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    const browserRequests: Array<{ url: string; headers: Record<string, string> }> = [];
    const bodies: string[] = [];

    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // Runs before any page script, outside the CSP: records every violation the page reports.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const w = window as unknown as { cspViolations?: string[] };
          (w.cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      page.on('request', (request) =>
        browserRequests.push({ url: request.url(), headers: request.headers() }),
      );
      page.on('response', async (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (/json|html|javascript|css/.test(type) && response.status() !== 303)
          bodies.push(await response.text().catch(() => ''));
      });
    });

    afterAll(async () => page?.close());

    async function collectViolations(): Promise<void> {
      const found = await page.evaluate(
        () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
      );
      violations.push(...found);
    }

    it('logs in through the form and works under the CSP: demo through the dashboard server', async () => {
      await logIn(page, stack.dashboardUrl, '/');
      await collectViolations();
      await submitOnDemoPage(page, FRENCH);
      expect(await page.locator('#status').innerText()).toBe('');
      expect(await page.locator('#result').getAttribute('data-language')).toBe('fr');
      await collectViolations();
      await page.screenshot({ path: join(ARTIFACTS, 'demo-logged-in.png'), fullPage: true });
      // The browser only ever talked to the dashboard.
      const origins = new Set(browserRequests.map((r) => new URL(r.url).origin));
      expect([...origins].filter((o) => !o.startsWith('data:') && o !== 'null')).toEqual([
        stack.dashboardUrl,
      ]);
    });

    it('draws the operations view from the SSE stream under the CSP', async () => {
      await page.goto(`${stack.dashboardUrl}/ops`);
      await page.waitForFunction(() => Number(document.body.dataset['samples']) >= 3, undefined, {
        timeout: 30_000,
      });
      expect(await page.locator('#connection').innerText()).toMatch(/^Live/);
      // uPlot drew the live series (its stylesheet is a file: style-src 'self' suffices).
      await page.waitForFunction(
        () => Number(document.getElementById('chart-queue')?.dataset['points']) >= 2,
        undefined,
        { timeout: 30_000 },
      );
      await collectViolations();
      await page.screenshot({ path: join(ARTIFACTS, 'ops-logged-in.png'), fullPage: true });
    });

    it('reported no CSP violation or console error, and no key reached the browser', async () => {
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
      for (const request of browserRequests)
        expect(request.headers['authorization']).toBeUndefined();
      expect(bodies.length).toBeGreaterThan(3);
      expect(stack.dashboardApiKey).toMatch(/^sk_/);
      for (const body of bodies) expect(body).not.toContain(stack.dashboardApiKey);
      expect(await page.content()).not.toContain(stack.dashboardApiKey);
    });

    it('logs out from the top bar', async () => {
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${stack.dashboardUrl}/ops`);
      await page.waitForURL(/\/login\?next=%2Fops$/);
    });
  });
});
