import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MetricsModule } from '@sibyl/observability';
import { validateDashboardConfig } from './config/dashboard.config';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { WebConfigModule } from './web-config/web-config.module';

/** The dashboard: web UI, its config endpoint, the live operations stream, health and metrics. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateDashboardConfig }),
    MetricsModule.forRoot({ defaultLabels: { service: 'dashboard' } }),
    EventsModule,
    WebConfigModule,
    HealthModule,
  ],
})
export class AppModule {}
