import { Controller, Get, Header } from '@nestjs/common';
import type { ModelsOverview } from './models-overview.view';
import { ModelsOverviewService } from './models-overview.service';

/** The Models panel's data (behind the login): `GET /api/models`. */
@Controller('api/models')
export class ModelsController {
  constructor(private readonly models: ModelsOverviewService) {}

  /** Live and served versions, live accuracy by version, confused pairs, changelog and shadow report. */
  @Get()
  @Header('Cache-Control', 'no-store')
  overview(): Promise<ModelsOverview> {
    return this.models.overview();
  }
}
