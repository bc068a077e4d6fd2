import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentKey, OPENAPI_BEARER, ownerOf, RequireScopes, VerifiedKey } from '@sibyl/auth';
import {
  AcceptedPredictionBatchView,
  AcceptedPredictionView,
  CreatePredictionBatchDto,
  CreatePredictionDto,
  FeedbackDto,
  LookupPredictionsDto,
  MAX_LOOKUP_IDS,
  PredictionLookupView,
  PredictionView,
} from '@sibyl/contracts';
import { BatchSizeInterceptor } from './batch-size.interceptor';
import { PREDICTIONS_PATH } from './predictions.constants';
import { PredictionsService } from './predictions.service';
import { SubmissionLimitsPipe } from './submission-limits.pipe';
import { WaitQueryDto } from './wait-query.dto';

/** Sets a response header on an Express response or a Fastify reply. */
interface HeaderSetter {
  header(name: string, value: string): unknown;
}

const trackingId = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException('id must be a UUID (the trackingId returned on submit)'),
});

/**
 * The predictions API: submit texts (`predict`), read results (`read`), give feedback
 * (`feedback`). A key sees only the requests it submitted; others' ids answer 404.
 */
@ApiTags('predictions')
@ApiBearerAuth(OPENAPI_BEARER)
@ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked API key' })
@ApiForbiddenResponse({ description: 'The key lacks the scope of the endpoint' })
@ApiTooManyRequestsResponse({
  description: "The key's rate limit (or its long-poll cap) is reached; see Retry-After",
})
@ApiBadRequestResponse({ description: 'Invalid body, query or id' })
@ApiServiceUnavailableResponse({ description: 'The database is unreachable; retry later' })
@Controller(PREDICTIONS_PATH)
export class PredictionsController {
  constructor(private readonly predictions: PredictionsService) {}

  @Post()
  @RequireScopes('predict')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Submit one text; classified asynchronously' })
  @ApiAcceptedResponse({
    type: AcceptedPredictionView,
    description: 'Stored; follow the Location header',
  })
  @ApiPayloadTooLargeResponse({ description: 'Text over MAX_TEXT_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Body is not application/json' })
  async create(
    @Body(SubmissionLimitsPipe) body: CreatePredictionDto,
    @Res({ passthrough: true }) response: HeaderSetter,
    @CurrentKey() key?: VerifiedKey,
  ): Promise<AcceptedPredictionView> {
    const [accepted] = await this.predictions.submit([body.text], ownerOf(key));
    response.header('Location', `/${PREDICTIONS_PATH}/${accepted.trackingId}`);
    return accepted;
  }

  @Post('batch')
  @RequireScopes('predict')
  @UseInterceptors(BatchSizeInterceptor)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Submit up to MAX_BATCH_ITEMS texts at once' })
  @ApiAcceptedResponse({
    type: AcceptedPredictionBatchView,
    description: 'Stored, in the order of the texts',
  })
  @ApiPayloadTooLargeResponse({ description: 'Too many texts, or a text over MAX_TEXT_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Body is not application/json' })
  async createBatch(
    @Body(SubmissionLimitsPipe) body: CreatePredictionBatchDto,
    @CurrentKey() key?: VerifiedKey,
  ): Promise<AcceptedPredictionBatchView> {
    return { items: await this.predictions.submit(body.texts, ownerOf(key)) };
  }

  @Post('lookup')
  @RequireScopes('read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Read up to ${MAX_LOOKUP_IDS} predictions in one call (clients checking many results, the load test)`,
  })
  @ApiOkResponse({ type: PredictionLookupView })
  lookup(
    @Body() body: LookupPredictionsDto,
    @CurrentKey() key?: VerifiedKey,
  ): Promise<PredictionLookupView> {
    return this.predictions.lookup(body.trackingIds, ownerOf(key));
  }

  @Get(':id')
  @RequireScopes('read')
  @ApiOperation({ summary: 'Read a prediction; `?wait=ms` long-polls until it is done' })
  @ApiOkResponse({ type: PredictionView })
  @ApiNotFoundResponse({ description: 'Unknown trackingId' })
  find(
    @Param('id', trackingId) id: string,
    @Query() query: WaitQueryDto,
    @CurrentKey() key?: VerifiedKey,
  ): Promise<PredictionView> {
    return this.predictions.find(id, query.wait ?? 0, ownerOf(key));
  }

  @Post(':id/feedback')
  @RequireScopes('feedback')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Tell which language the text really was' })
  @ApiNoContentResponse({ description: 'Feedback stored' })
  @ApiNotFoundResponse({ description: 'Unknown trackingId' })
  @ApiConflictResponse({ description: 'The prediction is not done yet' })
  async feedback(
    @Param('id', trackingId) id: string,
    @Body() body: FeedbackDto,
    @CurrentKey() key?: VerifiedKey,
  ): Promise<void> {
    await this.predictions.giveFeedback(id, body, ownerOf(key));
  }
}
