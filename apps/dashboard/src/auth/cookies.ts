/** Reads one cookie from a `Cookie` request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Attributes of the session cookie. */
export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/**
 * A `Set-Cookie` value: `HttpOnly` (no script can read it), `SameSite=Strict` (never sent by cross-site requests,
 * which also stops cross-site request forgery), `Path=/`, `Secure` when the dashboard is served over HTTPS.
 */
export function sessionCookie(name: string, value: string, options: CookieOptions): string {
  const attributes = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
