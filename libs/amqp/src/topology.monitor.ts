import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { MessagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import {
  AMQP_CONNECTION,
  AMQP_NAMES,
  AMQP_OPTIONS,
  DEFAULT_TOPOLOGY_CHECK_INTERVAL_MS,
} from './amqp.constants';
import type { AmqpModuleOptions } from './amqp-module-options.interface';
import { predictionTopologySteps } from './prediction-topology';
import {
  CheckChannel,
  describeProblems,
  runTopologyCheck,
  TopologyProblem,
} from './topology-check';

/** AMQP reply code of `checkQueue` on a missing queue. */
const QUEUE_NOT_FOUND = 404;

/** What `checkQueue` says about a queue. */
interface QueueCounts {
  messageCount: number;
  consumerCount: number;
}

/** The `checkQueue` of an amqplib channel. */
interface QueueChecker {
  checkQueue(queue: string): Promise<QueueCounts>;
}

/**
 * Declares the prediction topology and watches it for drift: on every channel set-up of the apps
 * (each reconnect), and every `topologyCheckIntervalMs` while connected.
 *
 * The declarations run on a throwaway channel, one by one, so a refused one (an operator declared
 * the requests queue with other arguments: PRECONDITION_FAILED) never closes a working channel and
 * never stops the others. Policy: the apps keep serving with the queue as it exists — publishes
 * still route to it, predictors still consume it, so no request is stuck — and the drift is loud:
 * logged as an error on each change, `mismatch` set (the apps expose it on `/health/ready` and as
 * `sibyl_topology_mismatch`) until a check finds the topology as declared again.
 */
@Injectable()
export class TopologyMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Topology');
  private problems: TopologyProblem[] = [];
  private checking?: Promise<TopologyProblem[] | undefined>;
  private timer?: NodeJS.Timeout;
  private lastCheckedAt?: Date;
  private readonly listeners = new Set<(mismatch: string | undefined) => void>();
  private readonly lossListeners = new Set<(reason: string) => void>();

  constructor(
    @Inject(AMQP_CONNECTION) private readonly connection: AmqpConnectionManager,
    @Inject(AMQP_NAMES) private readonly names: MessagingNames,
    @Inject(AMQP_OPTIONS) private readonly options: AmqpModuleOptions,
  ) {}

  /** The refused declarations of the last conclusive check, as one line; undefined when none. */
  get mismatch(): string | undefined {
    return this.problems.length > 0 ? describeProblems(this.problems) : undefined;
  }

  /** When the last conclusive check ran (undefined before the first). */
  get checkedAt(): Date | undefined {
    return this.lastCheckedAt;
  }

  /**
   * Subscribes to drift changes (a mismatch appears, changes or disappears). A consumer should
   * subscribe again then: RabbitMQ 3.10 keeps a consumer of a quorum queue deleted and declared
   * again at once registered on the new queue, where it takes messages that never reach the
   * client.
   */
  onChange(listener: (mismatch: string | undefined) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Subscribes to losses of the requests queue with its messages: a check found it missing (it
   * then declares it again), or the drift changed (the queue was deleted and declared again, by an
   * operator or by the apps). Whoever hears it should have the lost requests republished.
   */
  onRequestsQueueLost(listener: (reason: string) => void): void {
    this.lossListeners.add(listener);
  }

  /**
   * Ready messages and consumers of the requests queue, read on a throwaway channel (a missing
   * queue closes the channel that asks); undefined when unknown.
   */
  async requestsQueueState(): Promise<{ ready: number; consumers: number } | undefined> {
    const state = await this.checkRequestsQueue();
    return typeof state === 'object'
      ? { ready: state.messageCount, consumers: state.consumerCount }
      : undefined;
  }

  /** Starts the periodic checks. */
  onApplicationBootstrap(): void {
    const intervalMs = this.options.topologyCheckIntervalMs ?? DEFAULT_TOPOLOGY_CHECK_INTERVAL_MS;
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.connection.isConnected()) void this.verify();
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the periodic checks. */
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /**
   * Declares the topology (idempotent) and records what the broker refused. Never rejects:
   * resolves with the problems, or undefined when the check was inconclusive (no connection).
   * Concurrent calls share one check.
   */
  verify(): Promise<TopologyProblem[] | undefined> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<TopologyProblem[] | undefined> {
    const model = this.connection.connection as
      { createChannel(): Promise<CheckChannel> } | undefined;
    if (!model) return undefined;
    const steps = predictionTopologySteps(this.names, {
      deliveryLimit: this.options.deliveryLimit,
    });
    try {
      const exists = await this.requestsQueueExists();
      const problems = await runTopologyCheck(() => model.createChannel(), steps);
      this.record(problems, exists === false);
      return problems;
    } catch (error) {
      this.logger.debug(`topology check inconclusive: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** True or false when the broker said whether the requests queue exists; undefined when unknown. */
  private async requestsQueueExists(): Promise<boolean | undefined> {
    const state = await this.checkRequestsQueue();
    return state === undefined ? undefined : state !== 'missing';
  }

  /**
   * The broker's answer about the requests queue, asked on a throwaway channel (a missing queue
   * closes the channel that asks): its counts, `missing`, or undefined when unknown.
   */
  private async checkRequestsQueue(): Promise<QueueCounts | 'missing' | undefined> {
    const model = this.connection.connection as
      { createChannel(): Promise<CheckChannel & QueueChecker> } | undefined;
    if (!model) return undefined;
    let channel: (CheckChannel & QueueChecker) | undefined;
    try {
      channel = await model.createChannel();
      channel.on('error', () => undefined);
      return await channel.checkQueue(this.names.requestsQueue);
    } catch (error) {
      if ((error as { code?: unknown }).code === QUEUE_NOT_FOUND) {
        channel = undefined; // the broker closed it
        return 'missing';
      }
      return undefined;
    } finally {
      await channel?.close().catch(() => undefined);
    }
  }

  private reportLoss(reason: string): void {
    this.logger.warn(`requests queue lost with its messages: ${reason}`);
    for (const listener of this.lossListeners) listener(reason);
  }

  /**
   * Records a check's result. A loss is reported once per check: the queue was missing, or the
   * drift changed (it was declared again) — never at the first check (a first start, not a loss).
   */
  private record(problems: TopologyProblem[], missing: boolean): void {
    const before = this.mismatch;
    const first = this.lastCheckedAt === undefined;
    this.problems = problems;
    this.lastCheckedAt = new Date();
    const after = this.mismatch;
    if (!first && missing) this.reportLoss('the requests queue was missing (declared again)');
    if (after === before) return;
    if (!first && !missing) {
      this.reportLoss('the requests queue was declared again (the drift changed)');
    }
    if (after) {
      this.logger.error(
        `topology mismatch (serving with the broker's existing declaration): ${after}`,
      );
    } else {
      this.logger.log('topology matches the declaration again');
    }
    for (const listener of this.listeners) listener(after);
  }
}
