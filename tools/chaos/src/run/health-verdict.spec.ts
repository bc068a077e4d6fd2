import { HealthSample } from '../monitor/health-sampler';
import { judgeAfter, judgeDuring } from './health-verdict';

const sample = (app: string, probe: 'live' | 'ready', status: number): HealthSample => ({
  at: 0,
  app,
  probe,
  status,
  detail: status === 200 ? '' : 'broker: down',
});

describe('health verdicts', () => {
  const samples = [
    sample('gateway', 'ready', 200),
    sample('gateway', 'ready', 200),
    sample('predictor-1', 'ready', 200),
    sample('predictor-1', 'ready', 503),
    sample('predictor-2', 'live', 0),
  ];

  it('passes when every expectation is met', () => {
    expect(
      judgeDuring(samples, [
        { app: 'gateways', probe: 'ready', expect: 'always-200' },
        { app: 'predictors', probe: 'ready', expect: 'sometimes-not-200' },
      ]),
    ).toEqual([]);
  });

  it('fails a probe that should have reported the fault and stayed green', () => {
    const [failure] = judgeDuring(samples, [
      { app: 'gateway', probe: 'ready', expect: 'sometimes-not-200' },
    ]);
    expect(failure).toMatch(/gateway \/health\/ready never reported the fault \(200×2\)/);
  });

  it('fails a probe that should have stayed 200, and one never sampled', () => {
    expect(
      judgeDuring(samples, [
        { app: 'predictor-2', probe: 'live', expect: 'always-200' },
        { app: 'predictor-2', probe: 'ready', expect: 'always-200' },
      ]),
    ).toEqual([
      expect.stringMatching(/predictor-2 \/health\/live should stay 200 during the fault: down×1/),
      'predictor-2 /health/ready: no sample during the fault',
    ]);
  });

  it('tolerates one probe timing out between answers, as a kubelet with failureThreshold 2 does, not two in a row', () => {
    const timeout = (): HealthSample => ({
      ...sample('predictor-1', 'live', 0),
      detail: 'The operation was aborted due to timeout',
      timedOut: true,
    });
    const ok = () => sample('predictor-1', 'live', 200);
    const always = [{ app: 'predictor-1', probe: 'live', expect: 'always-200' } as const];
    expect(judgeDuring([ok(), timeout(), ok(), timeout()], always)).toEqual([]);
    expect(judgeDuring([ok(), timeout(), timeout(), ok()], always)).toEqual([
      expect.stringMatching(/should stay 200 during the fault: down×2 200×2/),
    ]);
  });

  it('lists every app not healthy after recovery', () => {
    expect(judgeAfter(samples)).toHaveLength(2);
  });
});
