import { proposedReplicas } from './replica-calculator';

describe('proposedReplicas', () => {
  it('is ceil(total / target) = ceil(current x per-pod metric / target)', () => {
    expect(proposedReplicas(4, 4 * 750, 500, 0.1)).toBe(6);
    expect(proposedReplicas(4, 1001, 500, 0.1)).toBe(3);
  });

  it('keeps the replica count while the usage ratio is within the 10 % tolerance', () => {
    expect(proposedReplicas(10, 10 * 500 * 1.099, 500, 0.1)).toBe(10);
    expect(proposedReplicas(10, 10 * 500 * 0.901, 500, 0.1)).toBe(10);
    expect(proposedReplicas(10, 10 * 500 * 1.11, 500, 0.1)).toBe(12);
    expect(proposedReplicas(10, 10 * 500 * 0.89, 500, 0.1)).toBe(9);
  });

  it('proposes zero for an empty queue and never scales from zero replicas', () => {
    expect(proposedReplicas(3, 0, 500, 0.1)).toBe(0);
    expect(proposedReplicas(0, 10_000, 500, 0.1)).toBe(0);
  });
});
