import { ApiProperty } from '@nestjs/swagger';

/** The recent windows live accuracy is computed over. */
export const ACCURACY_WINDOWS = ['last_100', 'last_1000', 'last_24h'] as const;
export type AccuracyWindowName = (typeof ACCURACY_WINDOWS)[number];

/** Accuracy on the feedback whose right language is one language (its recall). */
export class LanguageAccuracyView {
  @ApiProperty({ description: 'Feedback items saying the text was this language' }) n!: number;
  @ApiProperty() correct!: number;
  @ApiProperty({ description: 'correct / n' }) accuracy!: number;
}

/** One kind of mistake the feedback reports, and how often. */
export class ConfusedPairView {
  @ApiProperty({ example: 'nb', description: 'The right language (feedback)' }) actual!: string;
  @ApiProperty({ example: 'da', description: 'What the model answered' }) predicted!: string;
  @ApiProperty() count!: number;
}

/** Accuracy over one window of feedback on one model version. */
export class AccuracyWindowView {
  @ApiProperty({ enum: ACCURACY_WINDOWS }) window!: AccuracyWindowName;
  @ApiProperty({ description: 'Feedback items in the window' }) n!: number;
  @ApiProperty() correct!: number;
  @ApiProperty({ nullable: true, description: 'correct / n; null without feedback' })
  accuracy!: number | null;
  @ApiProperty({ nullable: true, format: 'date-time', description: 'Oldest feedback counted' })
  from!: string | null;
  @ApiProperty({ nullable: true, format: 'date-time', description: 'Newest feedback counted' })
  to!: string | null;
  @ApiProperty({
    description: 'The window holds more items than were read (only the newest count)',
  })
  truncated!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/LanguageAccuracyView' },
    description: 'By the right language (feedback)',
  })
  perLanguage!: Record<string, LanguageAccuracyView>;
  @ApiProperty({ type: [ConfusedPairView], description: 'Most frequent mistakes first' })
  confusedPairs!: ConfusedPairView[];
}

/** Answer of `GET /v1/models/:version/accuracy`: live accuracy from verified feedback. */
export class ModelAccuracyView {
  @ApiProperty({ example: 'langid-3f2a9c1b7e4d' }) modelVersion!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [AccuracyWindowView] }) windows!: AccuracyWindowView[];
}
