import { execFileSync } from 'node:child_process';
import { connect } from 'amqplib';
import { DEFAULT_RABBITMQ_URL } from '../namespace';
import { waitFor } from '../wait-for';
import { endpointOf, isListening } from './endpoint';

/** Resolves true when an AMQP connection to the URL can be opened. */
export async function pingRabbit(url: string): Promise<boolean> {
  try {
    const connection = await connect(url, { timeout: 2000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure RabbitMQ answers at `url`. A local broker that is down is started
 * with `rabbitmq-server -detached` (and left running: it is the machine's shared
 * broker, never stopped by Sibyl).
 */
export async function ensureRabbit(
  url = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL,
  options: { log?: (line: string) => void } = {},
): Promise<void> {
  if (await pingRabbit(url)) return;
  const endpoint = endpointOf(url, 5672);
  if (await isListening(endpoint)) {
    // Listening but refusing us: booting, or wrong credentials. Give it time.
    await waitFor(() => pingRabbit(url), {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: `RabbitMQ at ${url}`,
    });
    return;
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(endpoint.host)) {
    throw new Error(`RabbitMQ does not answer at ${url}`);
  }
  options.log?.('starting RabbitMQ (rabbitmq-server -detached)…');
  execFileSync('rabbitmq-server', ['-detached'], { stdio: 'ignore' });
  await waitFor(() => pingRabbit(url), {
    timeoutMs: 90_000,
    intervalMs: 1000,
    description: `RabbitMQ at ${url}`,
  });
}

/**
 * Enables RabbitMQ's management plugin (queue rates and unacked counts for
 * `GET /v1/queue`) on a local broker when its HTTP port does not answer.
 * Best effort: returns false when it could not be enabled.
 */
export async function ensureRabbitManagement(
  managementUrl = 'http://127.0.0.1:15672',
): Promise<boolean> {
  const endpoint = endpointOf(managementUrl, 15672);
  if (await isListening(endpoint)) return true;
  try {
    execFileSync('rabbitmq-plugins', ['enable', 'rabbitmq_management'], { stdio: 'ignore' });
    await waitFor(() => isListening(endpoint), {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'management plugin',
    });
    return true;
  } catch {
    return false;
  }
}
