import { Controller, HttpException, HttpStatus, MessageEvent, Sse } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentKey, OPENAPI_BEARER, ownerOf, RequireScopes, VerifiedKey } from '@sibyl/auth';
import type { Observable } from 'rxjs';
import { CompletionsService } from '../completions/completions.service';
import { PREDICTIONS_PATH } from './predictions.constants';

/**
 * `GET /v1/predictions/events`: Server-Sent Events of the calling key's completions, pushed as
 * the predictors store them (no polling). Adapter-neutral (`@Sse` with an Observable).
 */
@ApiTags('predictions')
@ApiBearerAuth(OPENAPI_BEARER)
@ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked API key' })
@ApiForbiddenResponse({ description: 'The key lacks the read scope' })
@Controller(PREDICTIONS_PATH)
export class PredictionEventsController {
  constructor(private readonly completions: CompletionsService) {}

  @Sse('events')
  @RequireScopes('read')
  @ApiOperation({
    summary: "Stream this key's completions (text/event-stream)",
    description:
      'Events: `ready` once subscribed (`live`: announcements flow), `completed` per finished ' +
      'request (id = trackingId; data: trackingId, status, language, confidence, modelVersion, ' +
      'completedAt), `heartbeat` periodically, `resync` after the gateway lost its broker ' +
      'connection. Completions are not replayed: after (re)connecting, wait for `ready`, then ' +
      'look up the ids you still await with POST /v1/predictions/lookup.',
  })
  @ApiOkResponse({ description: 'An event stream (text/event-stream)' })
  @ApiTooManyRequestsResponse({ description: 'The key has MAX_EVENT_STREAMS_PER_KEY streams open' })
  events(@CurrentKey() key?: VerifiedKey): Observable<MessageEvent> {
    const stream = this.completions.stream(ownerOf(key));
    if (!stream) {
      throw new HttpException(
        'too many open event streams for this API key (MAX_EVENT_STREAMS_PER_KEY), or the gateway is shutting down; close one and retry',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return stream;
  }
}
