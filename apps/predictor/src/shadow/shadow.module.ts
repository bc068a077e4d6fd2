import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getConnectionToken } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { AMQP_CONNECTION, AMQP_NAMES } from '@sibyl/amqp';
import type { MessagingNames } from '@sibyl/contracts';
import { doneResultsById } from '@sibyl/persistence';
import { ModelRegistry, ShadowRuns, type LiveOutcomeLookup } from '@sibyl/registry';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { Connection } from 'mongoose';
import type { PredictorEnvironment } from '../config/env.validation';
import { WorkerModelDecoder } from '../model/model-decoder';
import { RegistryModelSource } from '../model/registry-model.source';
import { ShadowConsumer } from './shadow.consumer';
import { ShadowEvaluator } from './shadow.evaluator';
import { ShadowHealthIndicator } from './shadow.health';
import { ShadowMetrics } from './shadow.metrics';

/** Injection token of the predictor's live-result lookup. */
const LIVE_OUTCOMES = Symbol('LIVE_OUTCOMES');

/**
 * Shadow evaluation (`models shadow`): while a run is active, the predictor classifies a sample of the
 * mirrored requests with the candidate and stores the predictions apart (`shadow_results`).
 */
@Module({
  imports: [TerminusModule],
  providers: [
    ShadowMetrics,
    {
      provide: LIVE_OUTCOMES,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection): LiveOutcomeLookup => {
        const db = connection.getClient().db(connection.name);
        return (ids) => doneResultsById(db, ids);
      },
    },
    {
      provide: ShadowRuns,
      inject: [getConnectionToken(), LIVE_OUTCOMES],
      useFactory: (connection: Connection, lookup: LiveOutcomeLookup) => {
        const db = connection.getClient().db(connection.name);
        return new ShadowRuns(db, new ModelRegistry(db), lookup);
      },
    },
    {
      provide: ShadowEvaluator,
      inject: [ShadowRuns, LIVE_OUTCOMES, ShadowMetrics, ConfigService],
      useFactory: (
        runs: ShadowRuns,
        lookup: LiveOutcomeLookup,
        metrics: ShadowMetrics,
        config: ConfigService<PredictorEnvironment, true>,
      ) =>
        new ShadowEvaluator(
          runs,
          lookup,
          metrics,
          config.get('MAX_MESSAGE_BYTES', { infer: true }),
        ),
    },
    {
      provide: ShadowConsumer,
      inject: [
        ShadowRuns,
        getConnectionToken(),
        ShadowEvaluator,
        ShadowMetrics,
        AMQP_CONNECTION,
        AMQP_NAMES,
        ConfigService,
      ],
      useFactory: (
        runs: ShadowRuns,
        connection: Connection,
        evaluator: ShadowEvaluator,
        metrics: ShadowMetrics,
        amqp: AmqpConnectionManager,
        names: MessagingNames,
        config: ConfigService<PredictorEnvironment, true>,
      ) => {
        const registry = new ModelRegistry(connection.getClient().db(connection.name));
        return new ShadowConsumer(
          runs,
          new RegistryModelSource(registry),
          evaluator,
          metrics,
          amqp,
          names,
          {
            checkIntervalMs: config.get('SHADOW_CHECK_INTERVAL_MS', { infer: true }),
            prefetch: config.get('SHADOW_PREFETCH', { infer: true }),
            decoder: new WorkerModelDecoder({
              timeoutMs: config.get('MODEL_DECODE_TIMEOUT_MS', { infer: true }),
            }),
          },
        );
      },
    },
    ShadowHealthIndicator,
  ],
  exports: [ShadowHealthIndicator],
})
export class ShadowModule {}
