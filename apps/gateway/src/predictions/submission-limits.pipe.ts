import { Inject, Injectable, PayloadTooLargeException, PipeTransform } from '@nestjs/common';
import { CreatePredictionBatchDto, CreatePredictionDto } from '@sibyl/contracts';
import { PREDICTIONS_OPTIONS, PredictionsOptions } from './predictions.constants';

/**
 * Enforces the size limits on an already validated submission body: each text at most
 * MAX_TEXT_BYTES UTF-8 bytes, a batch at most MAX_BATCH_ITEMS texts. Too large → 413.
 */
@Injectable()
export class SubmissionLimitsPipe implements PipeTransform {
  constructor(@Inject(PREDICTIONS_OPTIONS) private readonly options: PredictionsOptions) {}

  transform<T>(body: T): T {
    if (body instanceof CreatePredictionDto) this.checkText(body.text, 'text');
    if (body instanceof CreatePredictionBatchDto) {
      if (body.texts.length > this.options.maxBatchItems) {
        throw new PayloadTooLargeException(
          `a batch holds at most ${this.options.maxBatchItems} texts; this one has ${body.texts.length}`,
        );
      }
      body.texts.forEach((text, index) => this.checkText(text, `texts[${index}]`));
    }
    return body;
  }

  private checkText(text: string, field: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.options.maxTextBytes) {
      throw new PayloadTooLargeException(
        `${field} is ${bytes} bytes; the limit is ${this.options.maxTextBytes} bytes (UTF-8)`,
      );
    }
  }
}
