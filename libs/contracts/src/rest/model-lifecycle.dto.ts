import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Longest reason recorded in a model's changelog. */
export const MAX_CHANGE_REASON_LENGTH = 1000;

/** Body of `POST /v1/models/rollback` (may be empty): why, for the changelog. */
export class RollbackModelDto {
  @ApiPropertyOptional({ description: 'Why; recorded in the changelog', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_CHANGE_REASON_LENGTH)
  reason?: string;
}

/** Body of `POST /v1/models/:version/promote` (may be empty): a reason, and `force`. */
export class PromoteModelDto extends RollbackModelDto {
  @ApiPropertyOptional({
    description: 'Promote even when the gate refuses (needs a reason; recorded as forced)',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
