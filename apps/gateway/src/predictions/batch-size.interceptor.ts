import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { PREDICTIONS_OPTIONS, PredictionsOptions } from './predictions.constants';

/**
 * Refuses a batch of more than MAX_BATCH_ITEMS texts with 413 before anything looks at its items:
 * interceptors run before pipes, so an oversized batch costs no per-item validation.
 */
@Injectable()
export class BatchSizeInterceptor implements NestInterceptor {
  constructor(@Inject(PREDICTIONS_OPTIONS) private readonly options: PredictionsOptions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<{ body?: { texts?: unknown } }>().body;
    const texts = body?.texts;
    if (Array.isArray(texts) && texts.length > this.options.maxBatchItems) {
      throw new PayloadTooLargeException(
        `a batch holds at most ${this.options.maxBatchItems} texts; this one has ${texts.length}`,
      );
    }
    return next.handle();
  }
}
