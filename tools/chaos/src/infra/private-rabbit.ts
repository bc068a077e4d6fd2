import { freePort, pingRabbit, waitFor } from '@sibyl/testing';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Memory high watermark the node starts with (RabbitMQ's default), restored after an alarm. */
export const DEFAULT_WATERMARK = 0.4;

/**
 * A RabbitMQ node of its own (`rabbitmq-server -detached` with a private node name, ports,
 * data and log folders), so that scenarios may stop it or raise its memory alarm without
 * touching the machine's shared broker at 5672.
 */
export class PrivateRabbit {
  private constructor(
    readonly nodeName: string,
    readonly port: number,
    readonly dir: string,
  ) {}

  /** AMQP URL of the node. */
  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  /** Starts the node and waits until it accepts AMQP connections. */
  static async start(log: (line: string) => void): Promise<PrivateRabbit> {
    const port = await freePort();
    const distPort = await freePort();
    const nodeName = `sibyl-chaos-${process.pid}@localhost`;
    const dir = mkdtempSync(join(tmpdir(), 'sibyl-chaos-rabbit-'));
    for (const sub of ['mnesia', 'log']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
    writeFileSync(join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
    // rabbitmq-server drops root for the rabbitmq user: it must be able to write here
    for (const path of [dir, join(dir, 'mnesia'), join(dir, 'log')]) chmodSync(path, 0o777);
    const node = new PrivateRabbit(nodeName, port, dir);
    log(`private RabbitMQ node ${nodeName} on 127.0.0.1:${port} (data in ${dir})…`);
    await run('rabbitmq-server', ['-detached'], { env: node.env(distPort), cwd: dir });
    await waitFor(() => pingRabbit(node.url), {
      timeoutMs: 180_000,
      intervalMs: 1000,
      description: `private RabbitMQ node ${nodeName}`,
    }).catch(async (error: Error) => {
      await node.stop();
      throw new Error(`${error.message}\n${node.logTail()}`);
    });
    return node;
  }

  /** `rabbitmqctl -n <node> …`. */
  async ctl(...args: string[]): Promise<string> {
    const { stdout } = await run('rabbitmqctl', ['-n', this.nodeName, ...args], {
      timeout: 120_000,
    });
    return stdout;
  }

  /** Pid of the node's Erlang VM (for RSS), or -1. */
  async pid(): Promise<number> {
    try {
      const out = await this.ctl('eval', 'os:getpid().');
      return Number(out.replace(/[^0-9]/g, '')) || -1;
    } catch {
      return -1;
    }
  }

  /** Stops the node (best effort) and deletes its folders. */
  async stop(): Promise<void> {
    await this.ctl('stop').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The last lines of the node's log, for error messages. */
  logTail(): string {
    try {
      const log = readFileSync(join(this.dir, 'log', `${this.nodeName}.log`), 'utf8');
      return log.split('\n').slice(-20).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private env(distPort: number): NodeJS.ProcessEnv {
    return {
      ...process.env,
      RABBITMQ_NODENAME: this.nodeName,
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
    };
  }
}
