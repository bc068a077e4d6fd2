import { ensureMongo, ensureRabbit, ensureRabbitManagement, MongoHandle } from '@sibyl/testing';
import { log } from './log';

/** Connection settings of the local run, from the environment or the defaults. */
export interface InfraConfig {
  rabbitmqUrl: string;
  rabbitmqManagementUrl: string;
  mongodbUri: string;
}

/** Reads {@link InfraConfig} from the environment. */
export function infraConfig(env = process.env): InfraConfig {
  return {
    rabbitmqUrl: env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    rabbitmqManagementUrl: env.RABBITMQ_MANAGEMENT_URL ?? 'http://guest:guest@127.0.0.1:15672',
    mongodbUri: env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/sibyl',
  };
}

/**
 * Starts or reuses RabbitMQ (with its management plugin) and the database.
 * `detachedDatabase` leaves a FerretDB started here running after we exit; `databaseDir` is where
 * such a FerretDB keeps its files (default `.data/ferretdb-<port>`).
 */
export async function ensureInfrastructure(
  config: InfraConfig,
  detachedDatabase: boolean,
  databaseDir?: string,
): Promise<MongoHandle> {
  log(`RabbitMQ at ${new URL(config.rabbitmqUrl).host}…`);
  await ensureRabbit(config.rabbitmqUrl, { log });
  if (
    config.rabbitmqManagementUrl &&
    !(await ensureRabbitManagement(config.rabbitmqManagementUrl))
  ) {
    log(
      'RabbitMQ management plugin unavailable: GET /v1/queue will mark unacked and rates unavailable',
    );
  }
  log(`database at ${new URL(config.mongodbUri).host}…`);
  return ensureMongo(config.mongodbUri, { detached: detachedDatabase, dataDir: databaseDir, log });
}
