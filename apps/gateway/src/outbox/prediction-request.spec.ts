import { recordedAttempts, toPredictionRequest } from './prediction-request';

const T0 = new Date('2026-01-01T00:00:00.000Z');

describe('toPredictionRequest', () => {
  it('maps a new record to its first publish', () => {
    expect(
      toPredictionRequest({ _id: 'x', text: 'hej', submittedAt: T0, publishAttempts: 1 }),
    ).toEqual({ trackingId: 'x', text: 'hej', submittedAt: T0.toISOString(), attempt: 1 });
  });

  it("passes the submitting key's id on as owner", () => {
    expect(
      toPredictionRequest({
        _id: 'x',
        text: 'hej',
        submittedAt: T0,
        publishAttempts: 1,
        owner: 'k',
      }),
    ).toEqual(expect.objectContaining({ owner: 'k' }));
  });

  it('takes the attempt a republish gives it', () => {
    const entry = { _id: 'x', text: 'hej', submittedAt: T0, publishAttempts: 4 };
    expect(toPredictionRequest(entry, recordedAttempts(entry) + 1).attempt).toBe(5);
  });

  it('counts a record without recorded attempts as published once', () => {
    expect(recordedAttempts({ publishAttempts: undefined as unknown as number })).toBe(1);
    expect(recordedAttempts({ publishAttempts: 0 })).toBe(1);
  });
});
