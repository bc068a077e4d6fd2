import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

/** Body of `POST /v1/predictions`. */
export class CreatePredictionDto {
  @ApiProperty({
    description: 'Text to classify (UTF-8, size limit configured on the gateway)',
    example: 'Alla människor är födda fria',
  })
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  text!: string;
}
