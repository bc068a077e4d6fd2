import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainTinyModel } from '@sibyl/model/testing';
import { captureIo } from './cli-test-io';
import { runCli } from './main';

describe('langid CLI', () => {
  let directory: string;
  let modelPath: string;
  let dataPath: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'langid-cli-spec-'));
    modelPath = (await trainTinyModel({ save: join(directory, 'tiny.model') })).path as string;
    dataPath = join(directory, 'small.jsonl');
    const lines = [
      { text: 'Jag läser en bok i kväll.', lang: 'sv' },
      { text: 'Ich lese heute Abend ein Buch.', lang: 'de' },
      { text: 'I am reading a book tonight.', lang: 'en' },
      { text: 'Я читаю книгу сегодня вечером.', lang: 'ru' },
      { text: 'Jeg leser en bok i kveld.', lang: 'nb' },
    ];
    await writeFile(dataPath, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\n`);
  });

  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('eval --json prints one JSON object with n, accuracy and per-language scores', async () => {
    const io = captureIo(directory);
    expect(await runCli(['eval', '--data', dataPath, '--json', '--model', modelPath], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.n).toBe(5);
    expect(report.accuracy).toBeCloseTo(4 / 5, 10);
    expect(report.perLanguage.sv).toMatchObject({ recall: 1, support: 1 });
    expect(report.perLanguage.nb).toMatchObject({ recall: 0, f1: 0, support: 1 });
    expect(report.confusions[0]).toMatchObject({ expected: 'nb', count: 1 });
    expect(report.model.modelVersion).toBe('langid-tiny-test');
  });

  it('eval prints a readable report with the confusions', async () => {
    const io = captureIo(directory);
    expect(await runCli(['eval', '--data', dataPath, '--model', modelPath], io)).toBe(0);
    expect(io.out()).toContain('accuracy 80.00%');
    expect(io.out()).toMatch(/de\s+German\s+1\.000\s+1\.000\s+1\.000\s+1\n/);
    expect(io.out()).toMatch(/sv\s+Swedish\s+0\.500\s+1\.000\s+0\.667\s+1\n/);
    expect(io.out()).toMatch(/nb\s+->\s+\w+\s+1/);
  });

  it('predict prints code, names and confidence for arguments and stdin lines', async () => {
    const io = captureIo(directory);
    expect(await runCli(['predict', '--model', modelPath, 'Vad heter du?', '123'], io)).toBe(0);
    const [sv, und] = io.out().trim().split('\n');
    expect(sv).toMatch(/^sv\tSwedish\tSvenska\t0\.\d{4}$/);
    expect(und).toBe('und\tUndetermined\tUndetermined\t0.0000');

    const piped = captureIo(directory, ['Wie heißt du?', 'Как тебя зовут?']);
    expect(await runCli(['predict', '--json', '--model', modelPath], piped)).toBe(0);
    const lines = piped
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.language)).toEqual(['de', 'ru']);
    expect(lines[0]).toMatchObject({ text: 'Wie heißt du?', english: 'German', native: 'Deutsch' });
    expect(lines[0].top).toHaveLength(3);
  });

  it('explains usage mistakes with exit code 2 and failures with exit code 1', async () => {
    const noData = captureIo(directory);
    expect(await runCli(['eval', '--model', modelPath], noData)).toBe(2);
    expect(noData.err()).toContain('eval needs --data');
    const unknown = captureIo(directory);
    expect(await runCli(['fly'], unknown)).toBe(2);
    expect(unknown.err()).toContain('unknown command "fly"');
    const badOption = captureIo(directory);
    expect(await runCli(['eval', '--frobnicate'], badOption)).toBe(2);

    const badLine = join(directory, 'bad.jsonl');
    await writeFile(badLine, '{"text": "ok", "lang": "en"}\n{"text": 3}\n');
    const bad = captureIo(directory);
    expect(await runCli(['eval', '--data', badLine, '--model', modelPath], bad)).toBe(1);
    expect(bad.err()).toContain(
      'bad.jsonl:2: expected {"text": string, "lang" or "language": string}',
    );

    const corrupt = join(directory, 'corrupt.model');
    await writeFile(corrupt, 'not a model at all, just some text that is long enough');
    const broken = captureIo(directory);
    expect(await runCli(['predict', '--model', corrupt, 'hello'], broken)).toBe(1);
    expect(broken.err()).toContain('not a Sibyl language model');
  });

  it('eval --feedback scores the model on exported feedback ({text, language, ...} lines)', async () => {
    const feedbackPath = join(directory, 'feedback.jsonl');
    const exported = [
      { text: 'Jag läser en bok i kväll.', language: 'sv', predicted: 'sv', modelVersion: 'v1' },
      {
        text: 'Ich lese heute Abend ein Buch.',
        language: 'de',
        predicted: 'en',
        modelVersion: 'v1',
      },
    ];
    await writeFile(feedbackPath, exported.map((l) => JSON.stringify(l)).join('\n'));
    const io = captureIo(directory);
    expect(
      await runCli(['eval', '--feedback', feedbackPath, '--json', '--model', modelPath], io),
    ).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ n: 2, accuracy: 1, feedback: true });
    const both = captureIo(directory);
    expect(await runCli(['eval', '--feedback', feedbackPath, '--data', dataPath], both)).toBe(2);
    expect(both.err()).toContain('eval needs --data FILE.jsonl or --feedback');
  });

  it('train --with-feedback refuses a malformed or unsupported feedback line, and a bad weight', async () => {
    const bad = join(directory, 'bad-feedback.jsonl');
    await writeFile(
      bad,
      `${JSON.stringify({ text: 'Hej', language: 'sv' })}\n{"text": "x", "language": "xx"}\n`,
    );
    const out = join(directory, 'x.model');
    const unsupported = captureIo(directory);
    expect(await runCli(['train', '--with-feedback', bad, '--out', out], unsupported)).toBe(1);
    expect(unsupported.err()).toContain('item 2 has an unsupported language "xx"');
    const weight = captureIo(directory);
    expect(
      await runCli(
        ['train', '--with-feedback', bad, '--feedback-weight', '0', '--out', out],
        weight,
      ),
    ).toBe(2);
    expect(weight.err()).toContain('--feedback-weight must be a positive number');
    const alone = captureIo(directory);
    expect(await runCli(['train', '--feedback-weight', '3', '--out', out], alone)).toBe(2);
  });

  it('train reports a missing corpus clearly', async () => {
    const io = captureIo(directory);
    expect(
      await runCli(
        ['train', '--corpus', join(directory, 'nowhere'), '--out', join(directory, 'x.model')],
        io,
      ),
    ).toBe(1);
    expect(io.err()).toContain('manifest.json is missing');
  });
});
