import { RecommendationHistory } from './stabilization';

describe('RecommendationHistory', () => {
  it('scales down to the highest recommendation of the scale-down window', () => {
    const history = new RecommendationHistory();
    expect(history.stabilize(0, 10, 10, 0, 300)).toBe(10);
    expect(history.stabilize(15, 10, 4, 0, 300)).toBe(10);
    expect(history.stabilize(200, 10, 3, 0, 300)).toBe(10);
    // At 301 s the recommendation of 10 (t=0) has left the window; 4 (t=15) is the highest left.
    expect(history.stabilize(301, 10, 3, 0, 300)).toBe(4);
    expect(history.stabilize(316, 4, 3, 0, 300)).toBe(3);
  });

  it('scales up to the lowest recommendation of the scale-up window', () => {
    const history = new RecommendationHistory();
    expect(history.stabilize(0, 2, 2, 60, 0)).toBe(2);
    expect(history.stabilize(15, 2, 8, 60, 0)).toBe(2);
    expect(history.stabilize(61, 2, 9, 60, 0)).toBe(8);
  });

  it('passes recommendations through without windows', () => {
    const history = new RecommendationHistory();
    expect(history.stabilize(0, 5, 9, 0, 0)).toBe(9);
    expect(history.stabilize(15, 9, 2, 0, 0)).toBe(2);
  });
});
