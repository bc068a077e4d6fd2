import type { LiveModelChange } from './model-registry.types';
import { unannouncedChangeMessage } from './unannounced-change';

describe('unannouncedChangeMessage', () => {
  it('names the live version and the cause, and says predictors re-check within MODEL_RECHECK_INTERVAL_MS', () => {
    const change = { record: { version: 'langid-0123456789ab' } } as LiveModelChange;
    expect(unannouncedChangeMessage(change, 'connect ECONNREFUSED 127.0.0.1:5672')).toBe(
      'langid-0123456789ab is live, but model.promoted.v1 was not published ' +
        '(connect ECONNREFUSED 127.0.0.1:5672); predictors pick it up at their periodic re-check ' +
        'of the live model, within MODEL_RECHECK_INTERVAL_MS (default 30 s)',
    );
  });
});
