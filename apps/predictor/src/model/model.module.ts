import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LANGUAGE_MODEL } from './model.constants';
import { ModelHealthIndicator } from './model.health';
import { languageModelProvider } from './model.provider';

/** Loads the language model once at start and exposes it with its health indicator. */
@Module({
  imports: [TerminusModule],
  providers: [languageModelProvider, ModelHealthIndicator],
  exports: [LANGUAGE_MODEL, ModelHealthIndicator],
})
export class ModelModule {}
