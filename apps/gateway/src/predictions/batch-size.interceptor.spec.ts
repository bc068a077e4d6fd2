import { ExecutionContext, PayloadTooLargeException } from '@nestjs/common';
import { of } from 'rxjs';
import { SMALL_LIMITS } from '../../test/predictions/small-limits';
import { BatchSizeInterceptor } from './batch-size.interceptor';

function context(body: unknown): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => ({ body }) }),
  } as unknown as ExecutionContext;
}

describe('BatchSizeInterceptor', () => {
  const interceptor = new BatchSizeInterceptor(SMALL_LIMITS);
  const next = { handle: jest.fn(() => of('handled')) };

  it('refuses an oversized batch before its items are looked at', () => {
    const items = [1, { nested: true }, null]; // invalid items: never validated
    expect(() => interceptor.intercept(context({ texts: items }), next)).toThrow(
      new PayloadTooLargeException('a batch holds at most 2 texts; this one has 3'),
    );
    expect(next.handle).not.toHaveBeenCalled();
  });

  it('lets everything else through to validation', () => {
    for (const body of [{ texts: ['a', 'b'] }, { texts: 'nope' }, {}, undefined]) {
      interceptor.intercept(context(body), next);
    }
    expect(next.handle).toHaveBeenCalledTimes(4);
  });
});
