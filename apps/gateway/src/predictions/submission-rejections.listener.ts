import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { ApiErrorListener, ApiErrorRequest } from '../http/api-error.listener';
import { PREDICTIONS_PATH } from './predictions.constants';
import { PredictionsMetrics, RejectionReason } from './predictions.metrics';

/** Submission routes (`POST /v1/predictions`, `POST /v1/predictions/batch`). */
const SUBMISSION_ROUTE = new RegExp(`^/${PREDICTIONS_PATH}(/batch)?/?(\\?.*)?$`);

/** True for a submission request. */
export function isSubmission(request: ApiErrorRequest): boolean {
  return (
    request.method === 'POST' && SUBMISSION_ROUTE.test(request.originalUrl ?? request.url ?? '')
  );
}

/** Label of a refused submission. */
export function rejectionReason(answer: HttpException): RejectionReason {
  switch (answer.getStatus()) {
    case HttpStatus.BAD_REQUEST:
      return answer.message.startsWith('malformed JSON') ? 'malformed_json' : 'invalid';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'too_large';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return 'unsupported_media_type';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'unavailable';
    case HttpStatus.UNAUTHORIZED:
      return 'unauthorized';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'rate_limited';
    default:
      return 'error';
  }
}

/**
 * Counts refused submissions in `sibyl_requests_rejected_total`, by reason. It listens to the
 * exception filter's answers rather than intercepting the controller, because a submission can
 * be refused before its route runs (malformed JSON, body over MAX_BODY_BYTES, wrong
 * content type), and those refusals count too.
 */
@Injectable()
export class SubmissionRejectionsListener implements ApiErrorListener {
  constructor(private readonly metrics: PredictionsMetrics) {}

  onApiError(request: ApiErrorRequest, answer: HttpException): void {
    if (isSubmission(request)) this.metrics.rejected.inc({ reason: rejectionReason(answer) });
  }
}
