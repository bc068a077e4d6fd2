import { Logger } from '@nestjs/common';
import type {
  AmqpConnectionManager,
  ChannelWrapper,
  CreateChannelOpts,
} from 'amqp-connection-manager';
import type { Channel } from 'amqplib';

/** Default pause before a channel the broker closed (while the connection stayed up) is re-opened. */
export const DEFAULT_CHANNEL_RECOVERY_DELAY_MS = 1000;

/** Options of {@link SelfHealingChannel}. */
export interface SelfHealingChannelOptions {
  /** Channel name (logs, amqp-connection-manager). */
  name: string;
  /** Confirm channel (publisher confirms); default false. */
  confirm?: boolean;
  /** Default publish timeout of the wrapper (confirm channels). */
  publishTimeout?: number;
  /** Runs on every new channel: after each reconnect and each re-open. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Channel or a ConfirmChannel
  setup?: (channel: any) => Promise<unknown>;
  /** Pause before re-opening a channel the broker closed; default 1 s. */
  recoveryDelayMs?: number;
}

/**
 * An amqp-connection-manager channel that also survives the broker closing the channel alone.
 *
 * amqp-connection-manager re-creates its channels only after a connection loss: a channel closed by
 * the broker while the connection stays up (a failed `checkQueue` on a deleted queue, a publish to a
 * deleted exchange, a refused declaration) stays closed for good, and every later operation waits
 * in its buffer. Here every channel gets `error` and `close` listeners; a close while connected is
 * logged and the channel is re-opened after `recoveryDelayMs`. `open` tells whether a channel is
 * usable now (for readiness reports), `lastError` why it was last closed.
 */
export class SelfHealingChannel {
  private readonly logger: Logger;
  private wrapper: ChannelWrapper;
  private channel: Channel | undefined;
  private closing = false;
  private error: string | undefined;

  constructor(
    private readonly connection: AmqpConnectionManager,
    private readonly options: SelfHealingChannelOptions,
  ) {
    this.logger = new Logger(`AmqpChannel:${options.name}`);
    this.wrapper = this.create();
  }

  /** The current channel wrapper (replaced when the channel is re-opened). */
  get current(): ChannelWrapper {
    return this.wrapper;
  }

  /** True while a channel is set up and open. */
  get open(): boolean {
    return this.channel !== undefined && this.connection.isConnected();
  }

  /** Why the broker last closed the channel (undefined if it never did). */
  get lastError(): string | undefined {
    return this.error;
  }

  /** Closes the channel for good. */
  async close(): Promise<void> {
    this.closing = true;
    await this.wrapper.close().catch(() => undefined);
  }

  private create(): ChannelWrapper {
    const wrapper = this.connection.createChannel({
      name: this.options.name,
      confirm: this.options.confirm ?? false,
      json: false,
      publishTimeout: this.options.publishTimeout,
      setup: (channel: Channel) => this.setup(channel),
    } as CreateChannelOpts);
    wrapper.on('error', (error: Error) =>
      this.logger.warn(`channel setup failed: ${error.message}`),
    );
    return wrapper;
  }

  private async setup(channel: Channel): Promise<void> {
    let closed = false;
    channel.on('error', (error: Error) => {
      this.error = error.message;
      this.logger.warn(`channel error: ${error.message}`);
    });
    channel.on('close', () => {
      closed = true;
      this.onClosed(channel);
    });
    await this.options.setup?.(channel);
    // A channel the broker closed during its set-up (e.g. a check on it raced the declarations) is
    // never current: the re-open scheduled by its close then finds no channel and opens a new one.
    if (!closed) this.channel = channel;
  }

  private onClosed(channel: Channel): void {
    if (this.channel === channel) this.channel = undefined;
    if (this.closing || !this.connection.isConnected()) return; // a reconnect re-creates it
    const timer = setTimeout(() => {
      if (this.closing || this.channel !== undefined || !this.connection.isConnected()) return;
      this.logger.warn('channel closed by the broker while connected; re-opening it');
      const previous = this.wrapper;
      this.wrapper = this.create();
      void previous.close().catch(() => undefined);
    }, this.options.recoveryDelayMs ?? DEFAULT_CHANNEL_RECOVERY_DELAY_MS);
    timer.unref();
  }
}
