import { Module } from '@nestjs/common';
import { WebConfigController } from './web-config.controller';

/** Serves `GET /api/config` to the browser UI. */
@Module({ controllers: [WebConfigController] })
export class WebConfigModule {}
