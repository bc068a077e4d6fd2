import { brokerBlackhole, brokerMemoryAlarm, brokerRestart } from './broker-faults';
import { clockSkew } from './clock-skew';
import { databaseFrozen, predictorDatabasePartition } from './database-faults';
import { poisonMessages } from './poison-messages';
import { gatewaySigkill, predictorSigkill, predictorSigterm } from './process-faults';
import { Scenario } from './scenario';
import { queueDeleted, queueRedeclared } from './topology-faults';

export * from './scenario';

/** The full matrix of `npm run chaos`, in order. */
export const ALL_SCENARIOS: Scenario[] = [
  predictorSigkill,
  predictorSigterm,
  gatewaySigkill,
  brokerRestart,
  brokerBlackhole,
  brokerMemoryAlarm,
  databaseFrozen,
  predictorDatabasePartition,
  queueDeleted,
  queueRedeclared,
  poisonMessages,
  clockSkew,
];

/** The subset `npm test` runs (no private broker needed, a few minutes). */
export const FAST_SCENARIOS = [
  'predictor-sigkill',
  'broker-blackhole',
  'queue-redeclared',
  'poison-messages',
];

/** The scenarios called `names` (all when empty); throws on an unknown name. */
export function selectScenarios(names: string[]): Scenario[] {
  if (names.length === 0) return ALL_SCENARIOS;
  return names.map((name) => {
    const found = ALL_SCENARIOS.find((s) => s.name === name);
    if (!found)
      throw new Error(
        `unknown scenario ${name}; known: ${ALL_SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    return found;
  });
}
