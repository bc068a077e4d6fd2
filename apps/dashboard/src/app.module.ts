import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MetricsModule } from '@sibyl/observability';
import { AuthModule } from './auth/auth.module';
import { validateDashboardConfig } from './config/dashboard.config';
import { DemoModule } from './demo/demo.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { ModelsModule } from './models/models.module';
import { WebConfigModule } from './web-config/web-config.module';

/** The dashboard: login, web UI, the demo's gateway relay, its config endpoint, the live operations stream, health and metrics. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateDashboardConfig }),
    MetricsModule.forRoot({ defaultLabels: { service: 'dashboard' } }),
    AuthModule,
    DemoModule,
    EventsModule,
    ModelsModule,
    WebConfigModule,
    HealthModule,
  ],
})
export class AppModule {}
