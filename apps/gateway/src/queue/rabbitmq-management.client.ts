import { MANAGEMENT_TIMEOUT_MS } from './queue.constants';

/** The part of the management API's queue object the gateway reads. */
interface ManagementQueue {
  messages_unacknowledged?: number;
  message_stats?: {
    publish_details?: { rate?: number };
    deliver_get_details?: { rate?: number };
  };
}

/** Unacked count and message rates of one queue. */
export interface QueueRates {
  unacked: number;
  publishRate: number;
  deliverRate: number;
}

/**
 * Minimal client of the RabbitMQ management HTTP API (plugin `rabbitmq_management`).
 * Credentials come from the URL's user info (sent as Basic auth: fetch refuses URLs with credentials).
 */
export class RabbitMqManagementClient {
  private readonly base: string;
  private readonly authorization?: string;

  /**
   * @param managementUrl e.g. `http://guest:guest@127.0.0.1:15672`
   * @param vhost the virtual host of the queues (from the AMQP URL; default `/`)
   */
  constructor(
    managementUrl: string,
    private readonly vhost: string,
    private readonly timeoutMs = MANAGEMENT_TIMEOUT_MS,
  ) {
    const url = new URL(managementUrl);
    if (url.username) {
      const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      this.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    url.username = '';
    url.password = '';
    this.base = url.toString().replace(/\/+$/, '');
  }

  /** Reads one queue's unacked count and publish/deliver rates (messages per second). */
  async queueRates(queue: string): Promise<QueueRates> {
    const path = `/api/queues/${encodeURIComponent(this.vhost)}/${encodeURIComponent(queue)}`;
    const response = await fetch(this.base + path, {
      headers: this.authorization ? { authorization: this.authorization } : {},
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`management API answered ${response.status} for ${path}`);
    const body = (await response.json()) as ManagementQueue;
    return {
      unacked: body.messages_unacknowledged ?? 0,
      publishRate: body.message_stats?.publish_details?.rate ?? 0,
      deliverRate: body.message_stats?.deliver_get_details?.rate ?? 0,
    };
  }
}

/** The virtual host named by an AMQP URL (`amqp://host/` and `amqp://host` mean `/`). */
export function vhostOf(amqpUrl: string): string {
  const path = new URL(amqpUrl).pathname;
  return path === '' || path === '/' ? '/' : decodeURIComponent(path.slice(1));
}
