import { Channel, ChannelModel, ConfirmChannel, connect } from 'amqplib';
import { DEFAULT_WATERMARK, PrivateRabbit } from './private-rabbit';

/**
 * What scenarios may do to the broker. Management actions (queue delete/declare, publishing
 * poison) work on any broker; stopping it or raising its memory alarm only on the private node.
 */
export class BrokerControl {
  constructor(
    /** Direct AMQP URL (not through the apps' proxy). */
    readonly url: string,
    private readonly privateNode: PrivateRabbit | null,
  ) {}

  /** True when the broker is the tool's own node. */
  get isPrivate(): boolean {
    return this.privateNode !== null;
  }

  /** Runs `work` on a fresh channel of a fresh connection, then closes both. */
  withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    return this.onFreshConnection((connection) => connection.createChannel(), work);
  }

  /** Same on a confirm channel (publishes can be awaited with `waitForConfirms`). */
  withConfirmChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    return this.onFreshConnection((connection) => connection.createConfirmChannel(), work);
  }

  /** Opens a connection and a channel with `open`, runs `work` on it, then closes the connection. */
  private async onFreshConnection<C, T>(
    open: (connection: ChannelModel) => Promise<C>,
    work: (channel: C) => Promise<T>,
  ): Promise<T> {
    const connection = await connect(this.url);
    try {
      return await work(await open(connection));
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  /** `rabbitmqctl stop_app` on the private node. */
  async stopApp(): Promise<void> {
    await this.node('stop_app').ctl('stop_app');
  }

  /** `rabbitmqctl start_app` on the private node. */
  async startApp(): Promise<void> {
    await this.node('start_app').ctl('start_app');
  }

  /** Sets the memory high watermark of the private node (a tiny value raises the alarm). */
  async setWatermark(fraction: number): Promise<void> {
    await this.node('set_vm_memory_high_watermark').ctl(
      'set_vm_memory_high_watermark',
      String(fraction),
    );
  }

  /** Back to the default watermark. */
  async resetWatermark(): Promise<void> {
    await this.setWatermark(DEFAULT_WATERMARK);
  }

  private node(action: string): PrivateRabbit {
    if (!this.privateNode)
      throw new Error(`refusing to ${action} a broker the chaos tool did not start`);
    return this.privateNode;
  }
}
