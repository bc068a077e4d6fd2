import type { Connection } from 'mongoose';
import { DatabaseClock } from './database.clock';

describe('DatabaseClock', () => {
  const clock = () => new DatabaseClock({} as Connection);

  it('adds the measured offset to the local clock', async () => {
    const subject = clock();
    const twoMinutesAhead = async () => new Date(Date.now() + 120_000);
    await subject.sync(twoMinutesAhead);
    expect(subject.offsetMs).toBeGreaterThan(119_000);
    expect(subject.offsetMs).toBeLessThan(121_000);
    expect(subject.now().getTime() - Date.now()).toBeGreaterThan(119_000);
  });

  it('ignores an offset below CLOCK_OFFSET_MIN_MS (measurement noise): the local clock is trusted', async () => {
    const subject = clock();
    await subject.sync(async () => new Date(Date.now() + 40));
    expect(subject.offsetMs).toBe(0);
  });

  it('keeps the previous offset when the database does not answer or report its time', async () => {
    const subject = clock();
    await subject.sync(async () => new Date(Date.now() - 60_000));
    const offset = subject.offsetMs;
    await subject.sync(async () => {
      throw new Error('server selection timed out');
    });
    await subject.sync(async () => undefined);
    expect(subject.offsetMs).toBe(offset);
  });
});
