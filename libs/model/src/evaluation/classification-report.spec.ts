import { classificationReport } from './classification-report';

describe('classificationReport', () => {
  it('matches scikit-learn on a small example', () => {
    // sklearn: precision_recall_fscore_support(y, p) and f1_score(y, p, average='macro', labels=['a','b','c'])
    const expected = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predicted = ['a', 'a', 'b', 'b', 'c', 'und'];
    const report = classificationReport(expected, predicted);
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeCloseTo(0.5, 10);
    expect(report.perLanguage.a).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(report.perLanguage.b.f1).toBeCloseTo(0.5, 10);
    expect(report.perLanguage.c.f1).toBe(0);
    expect(report.macroF1).toBeCloseTo((0.8 + 0.5 + 0) / 3, 10);
    expect(report.perLanguage.und).toBeUndefined();
    expect(report.confusions[0]).toEqual({ expected: 'a', predicted: 'b', count: 1 });
    expect(report.confusions).toHaveLength(3);
  });

  it('handles an empty evaluation and rejects mismatched inputs', () => {
    expect(classificationReport([], [])).toMatchObject({ n: 0, accuracy: 0, macroF1: 0 });
    expect(() => classificationReport(['a'], [])).toThrow(RangeError);
  });
});
