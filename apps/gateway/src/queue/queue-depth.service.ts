import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AMQP_CONNECTION, AMQP_NAMES, SelfHealingChannel, TopologyMonitor } from '@sibyl/amqp';
import type { MessagingNames, QueueStatsView } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { GatewayEnvironment } from '../config/env.validation';
import { CHANNEL_READY_TIMEOUT_MS, MANAGEMENT_FIELDS, STATS_CACHE_MS } from './queue.constants';
import { QueueRates, RabbitMqManagementClient, vhostOf } from './rabbitmq-management.client';

/**
 * Queue depth signals for the dashboard, the metrics and the autoscaler: ready messages and
 * consumers of the requests queue and the dead-letter count over AMQP (`checkQueue`), unacked
 * messages and rates from the management API when it is configured and reachable.
 */
@Injectable()
export class QueueDepthService {
  private readonly logger = new Logger(QueueDepthService.name);
  private readonly inspector: SelfHealingChannel;
  private readonly management?: RabbitMqManagementClient;
  private cached?: { at: number; stats: Promise<QueueStatsView> };
  private managementDown = false;

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) private readonly names: MessagingNames,
    topology: TopologyMonitor,
    config: ConfigService<GatewayEnvironment, true>,
  ) {
    // Its own channel: a failed check (e.g. the queue was deleted) closes it, and it is re-opened;
    // the topology is declared first so that checks find the queues.
    this.inspector = new SelfHealingChannel(connection, {
      name: 'queue-inspector',
      setup: () => topology.verify(),
    });
    const managementUrl = config.get('RABBITMQ_MANAGEMENT_URL', { infer: true });
    if (managementUrl) {
      this.management = new RabbitMqManagementClient(
        managementUrl,
        vhostOf(config.get('RABBITMQ_URL', { infer: true })),
      );
    }
  }

  /** True while the broker connection is up. */
  get connected(): boolean {
    return this.connection.isConnected();
  }

  /** True while the inspector channel is open (reported by readiness). */
  get inspectorOpen(): boolean {
    return this.inspector.open;
  }

  /** Ready messages in the requests queue. */
  async readyCount(): Promise<number> {
    if (this.connection.isConnected()) await this.channelReady(); // a check before the declarations closes the channel
    return (await this.inspector.current.checkQueue(this.names.requestsQueue)).messageCount;
  }

  /** Current statistics (cached for a fraction of a second); 503 when the broker is unreachable. */
  stats(): Promise<QueueStatsView> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > STATS_CACHE_MS) {
      const stats = this.read();
      this.cached = { at: now, stats };
      stats.catch(() => {
        if (this.cached?.stats === stats) this.cached = undefined;
      });
    }
    return this.cached.stats;
  }

  private async read(): Promise<QueueStatsView> {
    const rates = this.readRates();
    let requests, dead;
    try {
      if (this.connection.isConnected()) await this.channelReady();
      const channel = this.inspector.current;
      [requests, dead] = await Promise.all([
        channel.checkQueue(this.names.requestsQueue),
        channel.checkQueue(this.names.deadLetterQueue),
      ]);
    } catch (error) {
      throw new ServiceUnavailableException(`broker unavailable: ${(error as Error).message}`);
    }
    const management = await rates;
    return {
      ready: requests.messageCount,
      consumers: requests.consumerCount,
      deadLettered: dead.messageCount,
      unacked: management?.unacked ?? null,
      publishRate: management?.publishRate ?? null,
      deliverRate: management?.deliverRate ?? null,
      unavailable: management ? [] : [...MANAGEMENT_FIELDS],
    };
  }

  /** Waits (briefly) for the inspector channel of a fresh connection to be set up. */
  private channelReady(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>(
      (resolve) => (timer = setTimeout(resolve, CHANNEL_READY_TIMEOUT_MS)),
    );
    return Promise.race([this.inspector.current.waitForConnect(), timeout]).finally(() =>
      clearTimeout(timer),
    );
  }

  /** Management API figures, or undefined when disabled or unreachable (logged once per outage). */
  private async readRates(): Promise<QueueRates | undefined> {
    if (!this.management) return undefined;
    try {
      const rates = await this.management.queueRates(this.names.requestsQueue);
      if (this.managementDown) this.logger.log('RabbitMQ management API reachable again');
      this.managementDown = false;
      return rates;
    } catch (error) {
      if (!this.managementDown) {
        this.logger.warn(
          `RabbitMQ management API unavailable (${(error as Error).message}); unacked and rates reported as null`,
        );
      }
      this.managementDown = true;
      return undefined;
    }
  }
}
