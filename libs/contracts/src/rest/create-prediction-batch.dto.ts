import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsNotEmpty, IsString } from 'class-validator';

/** Body of `POST /v1/predictions/batch`; the maximum count is configured on the gateway. */
export class CreatePredictionBatchDto {
  @ApiProperty({
    type: [String],
    description: 'Texts to classify, one prediction each',
    example: ['Hello world', 'Bonjour le monde'],
  })
  @IsArray({ message: 'texts must be an array of strings' })
  @ArrayMinSize(1, { message: 'texts must contain at least one text' })
  @IsString({ each: true, message: 'each text must be a string' })
  @IsNotEmpty({ each: true, message: 'each text must not be empty' })
  texts!: string[];
}
