import { Body, Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from '../http/express-types';
import type { DashboardConfig } from '../config/dashboard.config';
import { ADMIN_SCOPE } from './auth.constants';
import { KeyVerifier } from './key-verifier';
import { LoginThrottle } from './login-throttle';
import { renderLoginPage } from './login.view';
import { matchesConfiguredCredential } from './password.check';
import { SessionService } from './session.service';

/** Fields of the login forms (`application/x-www-form-urlencoded` or JSON). */
interface LoginForm {
  user?: unknown;
  password?: unknown;
  key?: unknown;
  next?: unknown;
}

/** `GET /login` (the page), `POST /login` (user+password or admin key → session cookie), `POST /logout`. */
@Controller()
export class LoginController {
  private readonly logger = new Logger(LoginController.name);
  private readonly credential: { user?: string; password?: string };

  constructor(
    config: ConfigService<DashboardConfig, true>,
    private readonly sessions: SessionService,
    private readonly keys: KeyVerifier,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {
    this.credential = {
      user: config.get('DASHBOARD_USER', { infer: true }),
      password: config.get('DASHBOARD_PASSWORD', { infer: true }),
    };
  }

  /** The login page. */
  @Get('login')
  page(@Query('next') next: unknown, @Res() res: Response): void {
    this.sendPage(res, 200, safeNext(next));
  }

  /** Checks the credential, opens a session and redirects to `next` (a local path), or shows the page again. */
  @Post('login')
  async login(@Body() form: LoginForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const next = safeNext(form?.next);
    const ip = req.ip ?? 'unknown';
    const waitMs = this.throttle.retryAfterMs(ip);
    if (waitMs > 0) {
      res.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
      return this.sendPage(res, 429, next, 'Too many failed attempts; try again later.');
    }
    const outcome = await this.check(form ?? {});
    if ('status' in outcome) {
      if (outcome.status === 401) this.throttle.fail(ip);
      this.logger.warn(`login refused from ${ip}: ${outcome.log}`);
      return this.sendPage(res, outcome.status, next, outcome.message);
    }
    this.throttle.succeed(ip);
    this.logger.log(`login of ${outcome.sub} (${outcome.via}) from ${ip}`);
    res.setHeader('Set-Cookie', this.sessions.open(outcome.sub, outcome.via));
    res.redirect(303, next);
  }

  /** Ends the session and deletes the cookie. */
  @Post('logout')
  logout(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Set-Cookie', this.sessions.close(req.headers.cookie));
    res.redirect(303, '/login');
  }

  private async check(
    form: LoginForm,
  ): Promise<
    { sub: string; via: 'password' | 'key' } | { status: 401 | 503; message: string; log: string }
  > {
    if (typeof form.key === 'string' && form.key.trim()) {
      const check = await this.keys.verify(form.key.trim(), true);
      if (check.ok && check.identity.scopes.includes(ADMIN_SCOPE))
        return { sub: check.identity.name, via: 'key' };
      if (check.ok)
        return {
          status: 401,
          message: 'That key has no admin scope.',
          log: `key ${check.identity.name} lacks admin`,
        };
      if (check.reason === 'refused')
        return { status: 401, message: 'Invalid or revoked key.', log: 'invalid key' };
      return {
        status: 503,
        message: 'The gateway cannot verify keys right now; try again shortly.',
        log: `gateway unavailable: ${check.detail}`,
      };
    }
    const user = typeof form.user === 'string' ? form.user : '';
    const password = typeof form.password === 'string' ? form.password : '';
    if (matchesConfiguredCredential(this.credential, { user, password }))
      return { sub: user, via: 'password' };
    return {
      status: 401,
      message: 'Wrong user or password.',
      log: `bad password for user ${JSON.stringify(user.slice(0, 64))}`,
    };
  }

  private sendPage(res: Response, status: number, next: string, error?: string): void {
    const passwordLogin = Boolean(this.credential.user && this.credential.password);
    res
      .status(status)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(renderLoginPage({ next, error, passwordLogin }));
  }
}

/** `next` if it is a local absolute path (never `//host` or a scheme), else `/`. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length < 2048
    ? next
    : '/';
}
