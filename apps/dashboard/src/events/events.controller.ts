import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { concat, defer, map, Observable, of } from 'rxjs';
import { SamplerService } from '../sampler/sampler.service';
import { OPS_EVENT } from './events.constants';

/** Server-sent events of the operations view. */
@Controller('api')
export class EventsController {
  constructor(private readonly sampler: SamplerService) {}

  /**
   * `GET /api/events`: first a `history` event with the rolling window (so a new page has charts at once), then a
   * `sample` event per new sample.
   */
  @Sse('events')
  events(): Observable<MessageEvent> {
    return concat(
      defer(() => of<MessageEvent>({ type: OPS_EVENT.history, data: this.sampler.recent() })),
      this.sampler.samples.pipe(
        map((sample): MessageEvent => ({
          type: OPS_EVENT.sample,
          data: sample,
          id: String(sample.at),
        })),
      ),
    );
  }
}
