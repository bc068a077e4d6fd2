import { Module } from '@nestjs/common';
import { CompletionPublisher } from '@sibyl/amqp';
import { CompletionAnnouncer } from './completion.announcer';

/** Announces stored results on the completed fanout exchange (`prediction.completed.v1`). */
@Module({
  providers: [CompletionPublisher, CompletionAnnouncer],
  exports: [CompletionAnnouncer],
})
export class CompletionsModule {}
