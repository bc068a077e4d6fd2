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

/** Label of a refusal by its status (400 is told apart by its message; any other is `error`). */
const REASON_BY_STATUS: Partial<Record<HttpStatus, RejectionReason>> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/** Label of a refused submission. */
export function rejectionReason(answer: HttpException): RejectionReason {
  const status = answer.getStatus();
  if (status === HttpStatus.BAD_REQUEST)
    return answer.message.startsWith('malformed JSON') ? 'malformed_json' : 'invalid';
  return REASON_BY_STATUS[status as HttpStatus] ?? 'error';
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
