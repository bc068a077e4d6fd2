import { Module } from '@nestjs/common';
import { SamplerModule } from '../sampler/sampler.module';
import { EventsController } from './events.controller';

/** Streams the operations samples to browsers. */
@Module({ imports: [SamplerModule], controllers: [EventsController] })
export class EventsModule {}
