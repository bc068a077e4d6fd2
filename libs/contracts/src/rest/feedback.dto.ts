import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Body of `POST /v1/predictions/:id/feedback`: what the language really was. */
export class FeedbackDto {
  @ApiProperty({ description: 'The correct language code (ISO 639-1, or "war")', example: 'sv' })
  @IsString()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a 2–3 letter lower-case code' })
  language!: string;

  @ApiPropertyOptional({ description: 'Free-text comment', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
