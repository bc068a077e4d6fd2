import { expectedCalibrationError } from './calibration-error';

describe('expectedCalibrationError', () => {
  it('is 0 for honest confidences and grows with over-confidence', () => {
    const correct = [true, true, true, false];
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], correct)).toBeCloseTo(0, 10);
    expect(expectedCalibrationError([0.99, 0.99, 0.99, 0.99], correct)).toBeCloseTo(0.24, 10);
  });
});
