import type { Page } from 'playwright-core';
import { DASHBOARD_LOGIN } from './sibyl.stack';

/** Logs the browser page in through the login form with the stack's configured user and password. */
export async function logIn(page: Page, dashboardUrl: string, next = '/'): Promise<void> {
  await page.goto(`${dashboardUrl}${next}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('User').fill(DASHBOARD_LOGIN.user);
  await page.getByLabel('Password').fill(DASHBOARD_LOGIN.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Logs in with plain HTTP and returns the `Cookie` header value of the session. */
export async function sessionCookieFor(dashboardUrl: string): Promise<string> {
  const response = await fetch(`${dashboardUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ user: DASHBOARD_LOGIN.user, password: DASHBOARD_LOGIN.password }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !cookie) throw new Error(`login failed: HTTP ${response.status}`);
  return cookie.split(';')[0];
}
