import { Browser, chromium } from 'playwright-core';
import { RunningGateway, startGateway } from './gateway.harness';

/** The OpenAPI UI works in Chromium under its CSP on either HTTP adapter, with the Authorize button. */
describe.each(['fastify', 'express'])('OpenAPI UI under its CSP (Chromium, %s)', (adapter) => {
  let gateway: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startGateway({ HTTP_ADAPTER: adapter });
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('renders the API with an Authorize button and no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    const response = await page.goto(`${gateway.url}/docs/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('text=Sibyl gateway', { timeout: 30000 });
    await page.waitForSelector('button.authorize', { timeout: 30000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });
});
