import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** Most tracking ids one `POST /v1/predictions/lookup` may ask for. */
export const MAX_LOOKUP_IDS = 1000;

/** Body of `POST /v1/predictions/lookup`: read many predictions in one call. */
export class LookupPredictionsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_LOOKUP_IDS,
    description: 'Tracking ids returned on submit',
  })
  @IsArray({ message: 'trackingIds must be an array of tracking ids' })
  @ArrayMinSize(1, { message: 'trackingIds must contain at least one id' })
  @ArrayMaxSize(MAX_LOOKUP_IDS, {
    message: `trackingIds must contain at most ${MAX_LOOKUP_IDS} ids`,
  })
  @IsUUID('all', { each: true, message: 'each trackingId must be a UUID (as returned on submit)' })
  trackingIds!: string[];
}
