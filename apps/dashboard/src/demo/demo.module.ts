import { Module } from '@nestjs/common';
import { DEMO_FETCH } from './demo.constants';
import { DemoController } from './demo.controller';
import { GatewayForwarder } from './gateway-forwarder';

/** The demo page's submissions and reads, relayed to the gateway with the dashboard's key. */
@Module({
  controllers: [DemoController],
  providers: [
    GatewayForwarder,
    { provide: DEMO_FETCH, useValue: (url: string, init?: RequestInit) => fetch(url, init) },
  ],
  exports: [GatewayForwarder],
})
export class DemoModule {}
