import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@sibyl/auth';
import { BrokerState, BrokerStateReport } from './broker-state';
import { DatabaseWriteHealthIndicator } from './database-write.health';
import { OutboxBacklogHealthIndicator } from './outbox-backlog.health';

/** A readiness report: terminus' result plus the broker's state, reported but not gating. */
export type ReadinessReport = HealthCheckResult & { broker: BrokerStateReport };

/** Liveness and readiness probes (no key needed). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseWriteHealthIndicator,
    private readonly outbox: OutboxBacklogHealthIndicator,
    private readonly broker: BrokerState,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Ready to accept requests (503 otherwise): the database accepts a write and the outbox backlog
   * is under OUTBOX_BACKLOG_MAX_BYTES. The broker does not gate readiness — during a broker outage
   * requests are still stored and published later by the outbox — but its state (connection,
   * alarm, channels, topology drift) is reported under `broker`.
   */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<ReadinessReport> {
    const broker = this.broker.report();
    try {
      const result = await this.health.check([
        () => this.database.acceptsWrites('database'),
        () => this.outbox.isUnderBound('outbox'),
      ]);
      return { ...result, broker };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException({
          ...(error.getResponse() as HealthCheckResult),
          broker,
        });
      }
      throw error;
    }
  }
}
