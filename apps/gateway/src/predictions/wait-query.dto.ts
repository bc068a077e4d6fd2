import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Query of `GET /v1/predictions/:id`. */
export class WaitQueryDto {
  @ApiPropertyOptional({
    description: 'Long-poll: wait up to this many ms (capped by MAX_WAIT_MS) for the result',
    example: 5000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wait must be a whole number of milliseconds' })
  @Min(0, { message: 'wait must not be negative' })
  wait?: number;
}
