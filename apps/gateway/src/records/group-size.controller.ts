/** Weight of the newest observation in the moving averages of arrival rate and write latency. */
const SMOOTHING = 0.3;

/** Moving average step. */
function smooth(average: number, sample: number): number {
  return average + SMOOTHING * (sample - average);
}

/**
 * The group size a {@link WriteCoalescer} waits for before it writes: what arrives during one
 * write (arrival rate × write latency, both moving averages), so under load each round trip
 * carries what piled up during the previous one, and at low load (fewer than one arrival per
 * write) every item is written at once. Always within [`min`, `max`]; follows a change of load
 * within a few writes.
 */
export class GroupSizeController {
  private rate = 0;
  private latency = 0;
  private arrived = 0;
  private since: number;

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(min >= 1 && max >= min))
      throw new RangeError(`invalid group size bounds [${min}, ${max}]`);
    this.since = now();
  }

  /** Items a group waits for (up to the coalescer's window) before it is written. */
  get target(): number {
    return Math.min(this.max, Math.max(this.min, Math.ceil(this.rate * this.latency)));
  }

  /** Counts items handed to the coalescer. */
  arrive(items: number): void {
    this.arrived += items;
  }

  /** Feeds back one completed write and how long it took. */
  observe(latencyMs: number): void {
    const at = this.now();
    const elapsed = at - this.since;
    if (elapsed > 0) {
      this.rate = smooth(this.rate, this.arrived / elapsed);
      this.arrived = 0;
      this.since = at;
    }
    this.latency = smooth(this.latency, latencyMs);
  }
}
