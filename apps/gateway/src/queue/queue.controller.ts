import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { OPENAPI_BEARER, RequireScopes } from '@sibyl/auth';
import { QueueStatsView } from '@sibyl/contracts';
import { QueueDepthService } from './queue-depth.service';

/** `GET /v1/queue`: the requests queue at a glance. */
@ApiTags('queue')
@ApiBearerAuth(OPENAPI_BEARER)
@RequireScopes('admin')
@Controller('v1/queue')
export class QueueController {
  constructor(private readonly queueDepth: QueueDepthService) {}

  @Get()
  @ApiOperation({ summary: 'Depth, consumers, dead letters and rates of the requests queue' })
  @ApiOkResponse({ type: QueueStatsView })
  @ApiServiceUnavailableResponse({ description: 'The broker is unreachable' })
  stats(): Promise<QueueStatsView> {
    return this.queueDepth.stats();
  }
}
