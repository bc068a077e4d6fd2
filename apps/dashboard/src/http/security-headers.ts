import helmet from 'helmet';

/**
 * Helmet with the dashboard's Content-Security-Policy: scripts, styles, fetches and the SSE stream only from the
 * dashboard itself (no inline script or style, no eval), images from itself or `data:` (the favicon), no framing,
 * forms only to itself. The UI is built for it: bundled scripts, a stylesheet, styles set through the CSSOM.
 */
export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only when served over HTTPS (it would pin a plain-HTTP local dashboard otherwise).
    strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
  });
}
