import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Lifecycle of a prediction request. */
export enum PredictionStatus {
  Queued = 'queued',
  Done = 'done',
  Failed = 'failed',
}

/** One candidate language with its score. */
export class LanguageScoreView {
  @ApiProperty({ example: 'sv' }) language!: string;
  @ApiProperty({ example: 0.97 }) score!: number;
}

/** `202` answer of the submit endpoints. */
export class AcceptedPredictionView {
  @ApiProperty({ format: 'uuid' }) trackingId!: string;
  @ApiProperty({ enum: PredictionStatus, example: PredictionStatus.Queued })
  status!: PredictionStatus;
}

/** `202` answer of `POST /v1/predictions/batch`, in the order of the submitted texts. */
export class AcceptedPredictionBatchView {
  @ApiProperty({ type: [AcceptedPredictionView] }) items!: AcceptedPredictionView[];
}

/** Answer of `GET /v1/predictions/:id`. Result fields are null until status is `done`. */
export class PredictionView {
  @ApiProperty({ format: 'uuid' }) trackingId!: string;
  @ApiProperty({ enum: PredictionStatus }) status!: PredictionStatus;
  @ApiPropertyOptional({ nullable: true, example: 'sv' }) language!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'Swedish' }) languageName!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'Svenska' }) nativeName!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 0.97 }) confidence!: number | null;
  @ApiProperty({ type: [LanguageScoreView] }) top!: LanguageScoreView[];
  @ApiPropertyOptional({ nullable: true, example: 'langid-2026.11.26' }) modelVersion!:
    string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why the prediction failed' }) error!:
    string | null;
}

/** Answer of `GET /v1/queue`: the signals the dashboard and the autoscaler use. */
export class QueueStatsView {
  @ApiProperty({ description: 'Messages waiting for a consumer' }) ready!: number;
  @ApiProperty({
    nullable: true,
    description: 'Delivered, not yet acked (management API; null when unavailable)',
  })
  unacked!: number | null;
  @ApiProperty() consumers!: number;
  @ApiProperty({ description: 'Messages in the dead-letter queue' }) deadLettered!: number;
  @ApiProperty({
    nullable: true,
    description: 'Publishes per second (management API; null when unavailable)',
  })
  publishRate!: number | null;
  @ApiProperty({
    nullable: true,
    description: 'Deliveries per second (management API; null when unavailable)',
  })
  deliverRate!: number | null;
  @ApiProperty({ type: [String], description: 'Fields the broker could not provide, and why' })
  unavailable!: string[];
}

/** Answer of `POST /v1/predictions/lookup`: the known predictions (in the order asked) and the unknown ids. */
export class PredictionLookupView {
  @ApiProperty({ type: () => [PredictionView] }) items!: PredictionView[];
  @ApiProperty({ type: [String], description: 'Ids with no stored request' }) unknown!: string[];
}
