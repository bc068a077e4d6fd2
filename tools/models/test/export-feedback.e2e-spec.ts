// `npm run models -- export-feedback` end to end: feedback documents as the gateway writes them, in a
// fresh database of the shared FerretDB, exported with the real CLI and read back by `langid eval --feedback`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEEDBACK_COLLECTION, FeedbackLog, type FeedbackRecord } from '@sibyl/persistence';
import { DEFAULT_MONGODB_URI, runCli, uniqueMongoUri, workspaceRoot } from '@sibyl/testing';
import mongoose from 'mongoose';

const TRAINED_MODEL = join(workspaceRoot(), 'models/langid/langid.model');

/** Feedback given an hour apart, oldest first. */
const FEEDBACK: FeedbackRecord[] = [
  ['t1', 'sv', 'sv', 'Vi ses på stationen i morgon bitti, glöm inte paraplyet.'],
  ['t2', 'da', 'nb', 'Jeg gleder meg til å se deg i morgen på stasjonen.'],
  ['t3', 'de', 'de', 'Der Zug nach München hat heute leider zwanzig Minuten Verspätung.'],
].map(([id, predicted, actual, text], i) => ({
  _id: id,
  modelVersion: 'langid-e2e',
  predicted,
  actual,
  text,
  at: new Date(Date.UTC(2026, 11, 7, i)),
}));

describe('npm run models -- export-feedback (real database)', () => {
  const uri = uniqueMongoUri(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI);
  const work = mkdtempSync(join(tmpdir(), 'sibyl-export-feedback-e2e-'));
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uri).asPromise();
    const log = new FeedbackLog(connection.collection(FEEDBACK_COLLECTION) as never);
    for (const entry of FEEDBACK) await log.record(entry);
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes verified feedback since a time as JSON Lines that langid eval --feedback reads', async () => {
    const out = join(work, 'feedback.jsonl');
    const run = await runCli(
      'tools/models/src/main.ts',
      ['export-feedback', '--since', '2026-12-07T01:00:00Z', '--out', out],
      { MONGODB_URI: uri },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`exported 2 feedback items to ${out}`);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        text: FEEDBACK[1].text,
        language: 'nb',
        predicted: 'da',
        modelVersion: 'langid-e2e',
        at: '2026-12-07T01:00:00.000Z',
        trackingId: 't2',
      },
      expect.objectContaining({ trackingId: 't3', language: 'de' }),
    ]);
    const evaluated = await runCli('tools/langid-cli/src/main.ts', [
      'eval',
      '--feedback',
      out,
      '--json',
      '--model',
      TRAINED_MODEL,
    ]);
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ n: 2, feedback: true });
  });

  it('writes every item to stdout without --out, and refuses a malformed --since', async () => {
    const run = await runCli('tools/models/src/main.ts', ['export-feedback'], { MONGODB_URI: uri });
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).trackingId),
    ).toEqual(['t1', 't2', 't3']);
    const bad = await runCli(
      'tools/models/src/main.ts',
      ['export-feedback', '--since', 'yesterday'],
      {
        MONGODB_URI: uri,
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since must be an ISO date');
  });
});
