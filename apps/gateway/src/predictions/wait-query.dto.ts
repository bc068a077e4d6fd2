import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** What `?wait=` may look like: decimal digits, at most 10 (an optional `-` is refused by `@Min`). */
const WAIT_PATTERN = /^-?\d{1,10}$/;

/** Query of `GET /v1/predictions/:id`. */
export class WaitQueryDto {
  @ApiPropertyOptional({
    description: 'Long-poll: wait up to this many ms (capped by MAX_WAIT_MS) for the result',
    example: 5000,
  })
  @IsOptional()
  // Only plain decimal digits become a number: `0x10`, `1e3`, an empty value or a repeated parameter stay as
  // given, and are refused (400) rather than read the way `Number()` would.
  @Transform(({ value }) =>
    typeof value === 'string' && WAIT_PATTERN.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'wait must be a whole number of milliseconds' })
  @Min(0, { message: 'wait must not be negative' })
  wait?: number;
}
