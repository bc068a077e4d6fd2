import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { TopologyMonitor } from './topology.monitor';

/**
 * Terminus indicator of topology drift: `down` with the broker's refusal (e.g. the requests queue
 * exists with another `x-delivery-limit`) while the {@link TopologyMonitor} reports a mismatch.
 * Provide it in a module that imports `TerminusModule`.
 */
@Injectable()
export class TopologyHealthIndicator {
  constructor(
    private readonly monitor: TopologyMonitor,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Checks the last topology check; `key` names the entry (default `topology`). */
  isAsDeclared<const Key extends string = 'topology'>(
    key: Key = 'topology' as Key,
  ): HealthIndicatorResult<Key> {
    const indicator = this.health.check(key);
    const mismatch = this.monitor.mismatch;
    const checkedAt = this.monitor.checkedAt?.toISOString() ?? null;
    return mismatch
      ? indicator.down({
          message: `topology mismatch (serving with the existing declaration): ${mismatch}`,
          checkedAt,
        })
      : indicator.up({ checkedAt });
  }
}
