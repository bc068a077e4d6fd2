import { MessageEvent } from '@nestjs/common';
import { Subject, take, toArray, firstValueFrom } from 'rxjs';
import type { OpsSample } from '../sampler/ops-sample';
import type { SamplerService } from '../sampler/sampler.service';
import { EventsController } from './events.controller';

const sample = (at: number) => ({ at }) as OpsSample;

describe('EventsController', () => {
  it('sends the rolling window on connect, then each new sample', async () => {
    const samples = new Subject<OpsSample>();
    const window = [sample(1), sample(2)];
    const sampler = {
      recent: () => window,
      samples: samples.asObservable(),
    } as unknown as SamplerService;
    const received = firstValueFrom(
      new EventsController(sampler).events().pipe(take(3), toArray()),
    );
    window.push(sample(3)); // the history is read when the client subscribes, not when the route is built
    samples.next(sample(4));
    samples.next(sample(5));
    const events: MessageEvent[] = await received;
    expect(events[0]).toEqual({ type: 'history', data: [sample(1), sample(2), sample(3)] });
    expect(events.slice(1)).toEqual([
      { type: 'sample', data: sample(4), id: '4' },
      { type: 'sample', data: sample(5), id: '5' },
    ]);
  });
});
