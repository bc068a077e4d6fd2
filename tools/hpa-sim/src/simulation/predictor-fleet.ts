/** One predictor pod: it consumes once `readyAt` has passed. */
interface Pod {
  readyAt: number;
}

/**
 * The predictor Deployment as the simulator sees it: pods start consuming `startupSeconds` after the
 * HPA asks for them (scheduling, image pull, model load, broker connect). Scale-down removes
 * starting pods first, then the youngest ready ones (as the ReplicaSet controller does), and a
 * removed pod stops consuming at once (it drains its batch and returns its prefetched messages).
 */
export class PredictorFleet {
  private pods: Pod[] = [];

  constructor(
    initialReplicas: number,
    private readonly startupSeconds: number,
  ) {
    this.pods = Array.from({ length: initialReplicas }, () => ({ readyAt: 0 }));
  }

  /** Pods that exist (spec.replicas once settled), ready or not. */
  get replicas(): number {
    return this.pods.length;
  }

  /** Pods consuming at time `now`. */
  readyAt(now: number): number {
    return this.pods.filter((p) => p.readyAt <= now).length;
  }

  /** Applies the HPA's decision at `now`. */
  scaleTo(replicas: number, now: number): void {
    if (replicas > this.pods.length) {
      const added = Array.from({ length: replicas - this.pods.length }, () => ({
        readyAt: now + this.startupSeconds,
      }));
      this.pods.push(...added);
    } else if (replicas < this.pods.length) {
      this.pods.sort((a, b) => a.readyAt - b.readyAt);
      this.pods = this.pods.slice(0, replicas);
    }
  }
}
