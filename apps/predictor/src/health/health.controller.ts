import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { AmqpHealthIndicator, TopologyHealthIndicator } from '@sibyl/amqp';
import { Public } from '@sibyl/auth';
import { ModelHealthIndicator } from '../model/model.health';
import { ShadowHealthIndicator } from '../shadow/shadow.health';
import { AmqpConsumerHealthIndicator } from '../transport/amqp-consumer.health';
import { DatabasePingHealthIndicator } from './database-ping.health';

/** Liveness and readiness of the predictor (served on PREDICTOR_PORT; no key needed). */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly broker: AmqpHealthIndicator,
    private readonly consumer: AmqpConsumerHealthIndicator,
    private readonly database: DatabasePingHealthIndicator,
    private readonly model: ModelHealthIndicator,
    private readonly topology: TopologyHealthIndicator,
    private readonly shadow: ShadowHealthIndicator,
  ) {}

  /**
   * `GET /health/live`: the process answers and its consumer is not stalled (holding deliveries and settling
   * none for STALL_TIMEOUT_MS); a failure means "restart me".
   */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.consumer.isProgressing('consumer')]);
  }

  /**
   * `GET /health/ready`: broker connected, consuming (not paused for a database outage), database answering a
   * ping, model loaded (with version), and the broker's topology as declared (drift is reported here as
   * `topology` down, with the broker's refusal, while the predictor keeps consuming the existing queue).
   * `shadow` reports this predictor's part in a shadow evaluation and is never down.
   */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.broker.isHealthy('broker'),
      () => this.consumer.isConsuming('consumer'),
      () => this.database.isAnswering('database'),
      () => this.model.isLoaded('model'),
      () => this.topology.isAsDeclared('topology'),
      () => this.shadow.report('shadow'),
    ]);
  }
}
