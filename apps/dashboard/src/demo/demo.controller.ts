import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from '../http/express-types';
import { FORWARD_TIMEOUT_MARGIN_MS, MAX_FORWARDED_WAIT_MS } from './demo.constants';
import { ForwardedAnswer, GatewayForwarder } from './gateway-forwarder';

/**
 * The demo page's API (behind the login): `POST /api/predictions` and `GET /api/predictions/:id?wait=`, relayed to
 * the gateway's `/v1/predictions` with the dashboard's key.
 */
@Controller('api/predictions')
export class DemoController {
  constructor(private readonly gateway: GatewayForwarder) {}

  /** Submits a text (`{ text }`); answers the gateway's 202 `{ trackingId }` or its error. */
  @Post()
  async submit(@Body() body: unknown, @Res() res: Response): Promise<void> {
    relay(
      res,
      await this.gateway.forward('POST', '/v1/predictions', body, FORWARD_TIMEOUT_MARGIN_MS),
    );
  }

  /** Reads a prediction, optionally long-polling up to `wait` ms. */
  @Get(':id')
  async get(
    @Param('id') id: string,
    @Query('wait') wait: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const waitMs = wait === undefined ? 0 : Number(wait);
    if (!/^\d{1,6}$/.test(wait ?? '0') || waitMs > MAX_FORWARDED_WAIT_MS) {
      res.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: `wait must be an integer from 0 to ${MAX_FORWARDED_WAIT_MS}`,
      });
      return;
    }
    const query = wait === undefined ? '' : `?wait=${waitMs}`;
    const path = `/v1/predictions/${encodeURIComponent(id)}${query}`;
    relay(
      res,
      await this.gateway.forward('GET', path, undefined, waitMs + FORWARD_TIMEOUT_MARGIN_MS),
    );
  }
}

function relay(res: Response, answer: ForwardedAnswer): void {
  if (answer.retryAfter) res.setHeader('Retry-After', answer.retryAfter);
  res.setHeader('Cache-Control', 'no-store');
  res.status(answer.status).json(answer.body);
}
