import { ambiguousAnswers } from './run-scenario';

describe('ambiguousAnswers', () => {
  it('flags 5xx answers other than 503 and nothing else', () => {
    expect(ambiguousAnswers({ '503': 40, '500': 4, '429': 2, ECONNRESET: 1, '502': 1 })).toEqual([
      '4 submits answered 500 (only 503 + Retry-After is documented)',
      '1 submits answered 502 (only 503 + Retry-After is documented)',
    ]);
  });
});
