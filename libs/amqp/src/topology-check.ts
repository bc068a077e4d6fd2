import type { TopologyChannel, TopologyStep } from './prediction-topology';

/** A channel that a topology check opens and closes (an amqplib `Channel`). */
export interface CheckChannel extends TopologyChannel {
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<unknown>;
}

/** A declaration the broker refused (e.g. a queue that exists with other arguments). */
export interface TopologyProblem {
  /** What was declared (`queue sibyl.v1.predictions.requested`). */
  what: string;
  /** The broker's answer (`406 (PRECONDITION-FAILED) ... inequivalent arg 'x-delivery-limit' ...`). */
  error: string;
}

/** AMQP reply codes of a refused declaration (the channel is closed, the connection stays). */
const REFUSAL_CODES: ReadonlySet<number> = new Set([403, 404, 405, 406]);

/** True when `error` is the broker refusing a declaration, not a lost connection. */
export function isDeclarationRefused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && REFUSAL_CODES.has(code);
}

/** The broker's reason without amqplib's "Operation failed: QueueDeclare;" prefix. */
function refusalText(error: Error): string {
  return error.message.replace(/^Operation failed: \w+; /, '');
}

/**
 * Runs every declaration, each refused one on its own: a refusal closes the channel, so the next
 * declarations get a fresh one. Returns the refused declarations (empty: the topology is as
 * declared). Rejects when the connection is lost meanwhile (the check is then inconclusive).
 */
export async function runTopologyCheck(
  openChannel: () => Promise<CheckChannel>,
  steps: readonly TopologyStep[],
): Promise<TopologyProblem[]> {
  const problems: TopologyProblem[] = [];
  let channel: CheckChannel | undefined;
  try {
    for (const step of steps) {
      if (!channel) {
        channel = await openChannel();
        channel.on('error', () => undefined); // the refusal is reported by the step's rejection
      }
      try {
        await step.run(channel);
      } catch (error) {
        if (!isDeclarationRefused(error)) throw error;
        problems.push({ what: step.what, error: refusalText(error as Error) });
        channel = undefined;
      }
    }
  } finally {
    await channel?.close().catch(() => undefined);
  }
  return problems;
}

/** One line describing the problems, for logs and health reports. */
export function describeProblems(problems: readonly TopologyProblem[]): string {
  return problems.map((problem) => `${problem.what}: ${problem.error}`).join('; ');
}
