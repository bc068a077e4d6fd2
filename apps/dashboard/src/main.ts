import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { logLevelsFor } from '@sibyl/config';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { SessionGate } from './auth/session.gate';
import type { DashboardConfig } from './config/dashboard.config';
import { DEMO_BODY_LIMIT } from './demo/demo.constants';
import { securityHeaders } from './http/security-headers';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const config = app.get<ConfigService<DashboardConfig, true>>(ConfigService);
  app.useLogger(logLevelsFor(config.get('LOG_LEVEL', { infer: true })));
  const trustProxy = config.get('TRUST_PROXY', { infer: true });
  if (trustProxy)
    app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.disable('x-powered-by');
  // Order matters: headers on every answer, then the login gate in front of the static UI and every route.
  app.use(securityHeaders({ https: config.get('DASHBOARD_COOKIE_SECURE', { infer: true }) }));
  app.use(app.get(SessionGate).handle);
  app.useBodyParser('json', { limit: DEMO_BODY_LIMIT });
  app.useBodyParser('urlencoded', { extended: false, limit: '16kb' });
  // The built browser UI: `/` → index.html (demo), `/ops` → ops.html, scripts under /assets.
  app.useStaticAssets(config.get('DASHBOARD_WEB_ROOT', { infer: true }) || join(__dirname, 'web'), {
    extensions: ['html'],
  });
  app.enableShutdownHooks();
  if (!config.get('DASHBOARD_API_KEY', { infer: true }))
    Logger.warn(
      'DASHBOARD_API_KEY is not set: the gateway will refuse the samples and the demo submissions ' +
        '(create a key with scopes predict,read,admin: npm run keys -- create --name dashboard ...)',
      'Dashboard',
    );
  const port = config.get('DASHBOARD_PORT', { infer: true });
  await app.listen(port, config.get('DASHBOARD_HOST', { infer: true }));
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', '127.0.0.1');
  Logger.log(`dashboard listening on ${url} (demo ${url}/, operations ${url}/ops)`, 'Dashboard');
}

void bootstrap();
