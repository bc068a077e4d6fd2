import { formatDeltas } from './deltas-table';

describe('formatDeltas', () => {
  const deltas = {
    against: 'langid-live',
    heldOutAccuracy: -0.0123,
    macroF1: 0.001,
    perLanguageF1: { en: 0.0001, hr: -0.05, sv: 0.02 },
  };

  it('prints the headline and the changed languages, worst first', () => {
    expect(formatDeltas(deltas)).toEqual([
      'against langid-live: held-out accuracy -1.23 pp, macro-F1 +0.10 pp, UDHR sentences -, UDHR paragraphs -',
      '  LANG  F1 DELTA',
      '  hr    -5.00 pp',
      '  sv    +2.00 pp',
    ]);
  });

  it('includes unchanged languages with all', () => {
    expect(formatDeltas(deltas, true)).toContain('  en    +0.01 pp');
  });
});
