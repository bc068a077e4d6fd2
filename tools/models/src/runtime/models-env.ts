import { DEFAULT_PROMOTION_MAX_ACCURACY_DROP } from '@sibyl/registry';
import { DEFAULT_MONGODB_URI, DEFAULT_RABBITMQ_URL, workspaceRoot } from '@sibyl/testing';

/** What the models CLI reads from the environment. */
export interface ModelsEnv {
  mongodbUri: string;
  rabbitmqUrl: string;
  /** '' = production broker names. */
  amqpNamespace: string;
  /** PROMOTION_MAX_ACCURACY_DROP: allowed held-out accuracy drop of a promoted candidate. */
  margin: number;
  /**
   * MODELS_ROOT: the directory holding `data/corpus`, `data/eval` and `reports/` (default: the
   * workspace root; the models image sets /app, where it has no Nx workspace).
   */
  root: string;
}

/**
 * Reads MONGODB_URI, RABBITMQ_URL, AMQP_NAMESPACE, PROMOTION_MAX_ACCURACY_DROP (a fraction in
 * [0, 1), default 0.002) and MODELS_ROOT. Throws with the variable's name when a value is invalid.
 */
export function readModelsEnv(env: NodeJS.ProcessEnv = process.env): ModelsEnv {
  const rawMargin = env.PROMOTION_MAX_ACCURACY_DROP;
  const margin =
    rawMargin === undefined || rawMargin === ''
      ? DEFAULT_PROMOTION_MAX_ACCURACY_DROP
      : Number(rawMargin);
  if (!Number.isFinite(margin) || margin < 0 || margin >= 1) {
    throw new Error(
      `PROMOTION_MAX_ACCURACY_DROP must be a fraction in [0, 1) such as 0.002, got "${rawMargin}"`,
    );
  }
  return {
    mongodbUri: env.MONGODB_URI || DEFAULT_MONGODB_URI,
    rabbitmqUrl: env.RABBITMQ_URL || DEFAULT_RABBITMQ_URL,
    amqpNamespace: env.AMQP_NAMESPACE ?? '',
    margin,
    root: env.MODELS_ROOT || workspaceRoot(),
  };
}
