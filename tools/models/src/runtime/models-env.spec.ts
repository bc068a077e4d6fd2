import { workspaceRoot } from '@sibyl/testing';
import { readModelsEnv } from './models-env';

describe('readModelsEnv', () => {
  it('defaults the margin to 0.002 and the names to production', () => {
    expect(readModelsEnv({})).toEqual(
      expect.objectContaining({ margin: 0.002, amqpNamespace: '' }),
    );
  });

  it('takes the data and reports root from MODELS_ROOT, else the workspace root', () => {
    expect(readModelsEnv({ MODELS_ROOT: '/app' }).root).toBe('/app');
    expect(readModelsEnv({}).root).toBe(workspaceRoot());
  });

  it('reads PROMOTION_MAX_ACCURACY_DROP and refuses nonsense with the variable name', () => {
    expect(readModelsEnv({ PROMOTION_MAX_ACCURACY_DROP: '0.01' }).margin).toBe(0.01);
    expect(() => readModelsEnv({ PROMOTION_MAX_ACCURACY_DROP: 'lots' })).toThrow(
      /PROMOTION_MAX_ACCURACY_DROP must be a fraction/,
    );
    expect(() => readModelsEnv({ PROMOTION_MAX_ACCURACY_DROP: '-1' })).toThrow(/PROMOTION/);
  });
});
