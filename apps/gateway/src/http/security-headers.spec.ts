import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_CSP, DOCS_CSP, helmetHeaders } from './security-headers';

/** What helmet itself does to a response, run as a middleware. */
function helmetOnce(directives: Record<string, string[]>) {
  const set: Record<string, string> = {};
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string) => void (set[name] = value),
    removeHeader: (name: string) => void removed.push(name),
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
  })(
    { headers: {}, url: '/v1/predictions' } as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return { set, removed };
}

describe('helmetHeaders', () => {
  it.each([
    ['API', API_CSP],
    ['docs', DOCS_CSP],
  ])('records exactly what helmet sets and removes (%s CSP)', (_name, directives) => {
    expect(helmetHeaders(directives)).toEqual(helmetOnce(directives));
  });

  it('keeps the hardening the gateway promises', () => {
    const { set, removed } = helmetHeaders(API_CSP);
    expect(set['Content-Security-Policy']).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(set['X-Frame-Options']).toBe('DENY');
    expect(set['X-Content-Type-Options']).toBe('nosniff');
    expect(set['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(removed).toContain('X-Powered-By');
  });
});
