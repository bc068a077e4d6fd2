import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  MongooseHealthIndicator,
} from '@nestjs/terminus';
import { AmqpHealthIndicator } from '@sibyl/amqp';
import { ModelHealthIndicator } from '../model/model.health';
import { AmqpConsumerHealthIndicator } from '../transport/amqp-consumer.health';

/** Liveness and readiness of the predictor (served on PREDICTOR_PORT). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly broker: AmqpHealthIndicator,
    private readonly consumer: AmqpConsumerHealthIndicator,
    private readonly database: MongooseHealthIndicator,
    private readonly model: ModelHealthIndicator,
  ) {}

  /** `GET /health/live`: the process answers. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** `GET /health/ready`: broker connected, consuming, database answering a ping, model loaded (with version). */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.broker.isHealthy('broker'),
      () => this.consumer.isConsuming('consumer'),
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.model.isLoaded('model'),
    ]);
  }
}
