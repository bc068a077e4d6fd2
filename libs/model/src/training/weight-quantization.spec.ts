import { quantizeModel } from './weight-quantization';
import type { Int8Rows, LinearModel } from '../svm/linear-model';

describe('quantizeModel', () => {
  const model: LinearModel = {
    classCount: 3,
    featureCount: 2,
    weights: Float32Array.from([0.5, -0.25, 0.001, 0, 0, 0]),
    int8Rows: null,
    intercepts: Float32Array.from([0, 0, 0]),
  };

  it('keeps nonzero int8 weights by row with a per-row scale', () => {
    const rows = quantizeModel(model).int8Rows as Int8Rows;
    expect(Array.from(rows.starts)).toEqual([0, 2, 2]);
    expect(Array.from(rows.classes)).toEqual([0, 1]);
    expect(Array.from(rows.values)).toEqual([127, -64]);
    expect(rows.scales[0]).toBeCloseTo(0.5 / 127, 8);
    expect(rows.scales[1]).toBe(0);
  });

  it('drops weights below a fraction of the row maximum', () => {
    const rows = quantizeModel(model, 0.6).int8Rows as Int8Rows;
    expect(Array.from(rows.classes)).toEqual([0]);
    expect(Array.from(rows.values)).toEqual([127]);
  });
});
