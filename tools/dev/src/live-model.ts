import { readFileSync } from 'node:fs';
import { ModelRegistry, modelVersionOf } from '@sibyl/registry';
import { runCli } from '@sibyl/testing';
import mongoose from 'mongoose';
import type { InfraConfig } from './infra';

/** The models CLI `npm start` drives. */
const MODELS_CLI = 'tools/models/src/main.ts';

/**
 * Makes sure the model registry has a live model: when none is live, registers the trained model
 * with `npm run models -- add` (which evaluates it on the held-out sets) and promotes it. A failure
 * is logged and not fatal: predictors then serve MODEL_PATH (and say so in their log).
 */
export async function ensureLiveModel(
  infra: InfraConfig,
  modelPath: string,
  log: (line: string) => void,
): Promise<void> {
  const client = await mongoose.mongo.MongoClient.connect(infra.mongodbUri, {
    serverSelectionTimeoutMS: 10000,
  });
  try {
    const live = await new ModelRegistry(client.db()).live();
    if (live) {
      log(`model registry: live model ${live.version}`);
      return;
    }
  } finally {
    await client.close();
  }
  const version = modelVersionOf(readFileSync(modelPath));
  log(`model registry: no live model; registering ${modelPath} as ${version} (evaluated, ~30 s)…`);
  const env = { MONGODB_URI: infra.mongodbUri, RABBITMQ_URL: infra.rabbitmqUrl };
  const steps = [
    ['add', modelPath, '--note', 'registered by npm start (registry was empty)'],
    ['promote', version, '--reason', 'npm start: first live model'],
  ];
  for (const args of steps) {
    const run = await runCli(MODELS_CLI, [...args, '--actor', 'npm start'], env);
    if (run.code !== 0) {
      log(
        `model registry: \`npm run models -- ${args[0]}\` failed (exit ${run.code}): ` +
          `${run.stderr.trim().split('\n').pop() ?? ''}; predictors fall back to MODEL_PATH`,
      );
      return;
    }
  }
  log(`model registry: ${version} is live`);
}
