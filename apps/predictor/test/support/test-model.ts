import { trainTinyModel } from '@sibyl/model/testing';
import { workspaceRoot } from '@sibyl/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The model the e2e suites give the predictor, and whether it is the full one. */
export interface TestModel {
  path: string;
  full: boolean;
}

let tiny: Promise<string> | undefined;

/**
 * The full model `models/langid/langid.model` when it exists (the test runner trains it before e2e runs),
 * otherwise a tiny real model (sv, ar, ja, ru, en, de) trained in-process and saved to a temporary file.
 * The texts used by the suites are classified correctly by both.
 */
export async function resolveTestModel(): Promise<TestModel> {
  const full = join(workspaceRoot(), 'models', 'langid', 'langid.model');
  if (existsSync(full)) return { path: full, full: true };
  tiny ??= trainTinyModel({ save: true }).then(({ path }) => path as string);
  process.stderr.write(
    `[predictor e2e] ${full} is missing: using a tiny model trained for the test\n`,
  );
  return { path: await tiny, full: false };
}

/** Texts in several scripts with their language, known to both the tiny and the full model. */
export const SAMPLE_TEXTS: ReadonlyArray<{ language: string; text: string }> = [
  {
    language: 'sv',
    text: 'Alla människor är födda fria och lika i värde och rättigheter. De är utrustade med förnuft och samvete.',
  },
  {
    language: 'ar',
    text: 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.',
  },
  {
    language: 'ru',
    text: 'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью.',
  },
  {
    language: 'ja',
    text: 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。',
  },
  {
    language: 'de',
    text: 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt.',
  },
  {
    language: 'en',
    text: 'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience.',
  },
];
