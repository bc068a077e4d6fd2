import { DEAD_LETTER_REASON_HEADER, MessagingV1 } from '@sibyl/contracts';
import { randomUUID } from 'node:crypto';
import { Scenario, ScenarioContext } from './scenario';

/** How long health is watched after the poison is published (the fault window). */
const POISON_WATCH_MS = 10_000;

/** Size of the oversized body: far above any text the gateway accepts. */
const HUGE_BODY_BYTES = 20 * 2 ** 20;

/** One poison message: what is published straight to the requests exchange. */
interface Poison {
  kind: string;
  body: Buffer;
  /** AMQP messageId (the trackingId of a well-formed body, as the gateway sets it). */
  messageId: string;
  type: string;
  /** Must be dead-lettered (with a reason header). */
  mustDeadLetter: boolean;
}

/** A well-formed `prediction.requested.v1` body; its trackingId is also the messageId. */
function requestBody(text: string): { body: Buffer; trackingId: string } {
  const trackingId = randomUUID();
  const body = JSON.stringify({
    v: 1,
    trackingId,
    text,
    submittedAt: new Date().toISOString(),
    attempt: 1,
  });
  return { body: Buffer.from(body), trackingId };
}

function asMessage(request: { body: Buffer; trackingId: string }) {
  return { body: request.body, messageId: request.trackingId };
}

function poisons(): Poison[] {
  return [
    {
      kind: 'invalid-json',
      body: Buffer.from('{"v":1,"trackingId":'),
      messageId: `chaos-poison-invalid-json-${randomUUID()}`,
      type: MessagingV1.PredictionRequested,
      mustDeadLetter: true,
    },
    {
      kind: 'body-20MiB',
      ...asMessage(requestBody('a'.repeat(HUGE_BODY_BYTES))),
      type: MessagingV1.PredictionRequested,
      mustDeadLetter: true,
    },
    {
      kind: 'unknown-type',
      ...asMessage(requestBody('Alle Menschen sind frei und gleich an Würde und Rechten geboren.')),
      type: 'prediction.unknown.v9',
      mustDeadLetter: true,
    },
    {
      // no valid string makes the model throw today; the nearest is a text the model has no
      // feature for (lone surrogates, controls, combining marks): it must not crash a predictor
      kind: 'model-hostile-text',
      ...asMessage(requestBody('\ud800\udfff\u0000\u0301'.repeat(50_000))),
      type: MessagingV1.PredictionRequested,
      mustDeadLetter: false,
    },
  ];
}

const prepared = new WeakMap<ScenarioContext, Poison[]>();
const published = new WeakMap<ScenarioContext, { ids: Map<string, Poison>; pids: string }>();

/** Pids of the predictors, to prove none was restarted. */
function predictorPids(ctx: ScenarioContext): string {
  return ctx.stack
    .pids()
    .filter((p) => p.name.startsWith('predictor'))
    .map((p) => `${p.name}:${p.pid}`)
    .join(',');
}

/** Poison messages published straight to the requests exchange among the normal load. */
export const poisonMessages: Scenario = {
  name: 'poison-messages',
  title: 'poison: invalid JSON, a 20 MiB body, an unknown type, a model-hostile text',
  async prepare(ctx) {
    // built before the fault window: a 20 MiB JSON.stringify blocks this process (and its probes)
    prepared.set(ctx, poisons());
  },
  async inject(ctx) {
    const ids = new Map<string, Poison>();
    await ctx.broker.withConfirmChannel(async (channel) => {
      for (const poison of prepared.get(ctx) ?? poisons()) {
        const messageId = poison.messageId;
        ids.set(messageId, poison);
        channel.publish(ctx.names.requestsExchange, ctx.names.routingKey, poison.body, {
          messageId,
          type: poison.type,
          contentType: 'application/json',
          deliveryMode: 2,
          mandatory: true,
        });
      }
      await channel.waitForConfirms();
    });
    published.set(ctx, { ids, pids: predictorPids(ctx) });
    ctx.log(
      `published ${ids.size} poison messages (confirmed); watching for ${POISON_WATCH_MS / 1000} s`,
    );
    // the fault window: while the predictors chew on the poison, health must stay truthful
    await ctx.sleep(POISON_WATCH_MS);
  },
  async heal() {
    // nothing to undo
  },
  during: [
    { app: 'predictors', probe: 'live', expect: 'always-200' },
    { app: 'predictors', probe: 'ready', expect: 'always-200' },
    { app: 'gateways', probe: 'ready', expect: 'always-200' },
  ],
  async check(ctx) {
    const state = published.get(ctx);
    const failures: string[] = [];
    const notes: string[] = [];
    if (!state) return { failures: ['the poison messages were never published'], notes };
    if (predictorPids(ctx) !== state.pids)
      failures.push(`a predictor was restarted: ${state.pids} → ${predictorPids(ctx)}`);
    const letters = new Map<string, string>();
    await ctx.broker.withChannel(async (channel) => {
      for (;;) {
        const message = await channel.get(ctx.names.deadLetterQueue, { noAck: true });
        if (!message) break;
        const reason = message.properties.headers?.[DEAD_LETTER_REASON_HEADER];
        letters.set(String(message.properties.messageId), reason ? String(reason) : '');
      }
    });
    for (const [id, poison] of state.ids) {
      const reason = letters.get(id);
      if (reason === undefined) {
        if (poison.mustDeadLetter) failures.push(`${poison.kind} was not dead-lettered`);
        notes.push(`${poison.kind}: not dead-lettered (processed or dropped)`);
      } else if (!reason) {
        failures.push(`${poison.kind} dead-lettered without a ${DEAD_LETTER_REASON_HEADER} header`);
      } else notes.push(`${poison.kind}: dead-lettered — ${reason.slice(0, 120)}`);
    }
    return { failures, notes };
  },
};
