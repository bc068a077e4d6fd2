import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { logLevelsFor } from '@sibyl/config';
import { join } from 'node:path';
import { AppModule } from './app.module';
import type { DashboardConfig } from './config/dashboard.config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const config = app.get<ConfigService<DashboardConfig, true>>(ConfigService);
  app.useLogger(logLevelsFor(config.get('LOG_LEVEL', { infer: true })));
  // The built browser UI: `/` → index.html (demo), `/ops` → ops.html, scripts under /assets.
  app.useStaticAssets(config.get('DASHBOARD_WEB_ROOT', { infer: true }) || join(__dirname, 'web'), {
    extensions: ['html'],
  });
  app.enableShutdownHooks();
  const port = config.get('DASHBOARD_PORT', { infer: true });
  await app.listen(port, config.get('DASHBOARD_HOST', { infer: true }));
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', '127.0.0.1');
  Logger.log(`dashboard listening on ${url} (demo ${url}/, operations ${url}/ops)`, 'Dashboard');
}

void bootstrap();
