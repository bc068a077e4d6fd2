/** One past recommendation of the controller. */
interface Recommendation {
  at: number;
  replicas: number;
}

/**
 * The stabilization windows (`behavior.*.stabilizationWindowSeconds`): a scale-up may go no higher
 * than the lowest recommendation of the scale-up window, a scale-down no lower than the highest
 * recommendation of the scale-down window (kube-controller-manager
 * `stabilizeRecommendationWithBehaviors`).
 */
export class RecommendationHistory {
  private readonly entries: Recommendation[] = [];

  /** Records `recommendation` (made at `now`, seconds) and returns the stabilized replica count. */
  stabilize(
    now: number,
    currentReplicas: number,
    recommendation: number,
    upWindowSeconds: number,
    downWindowSeconds: number,
  ): number {
    let upBound = recommendation;
    let downBound = recommendation;
    for (const entry of this.entries) {
      if (entry.at > now - upWindowSeconds) upBound = Math.min(upBound, entry.replicas);
      if (entry.at > now - downWindowSeconds) downBound = Math.max(downBound, entry.replicas);
    }
    const longest = Math.max(upWindowSeconds, downWindowSeconds);
    while (this.entries.length > 0 && this.entries[0].at <= now - longest) this.entries.shift();
    this.entries.push({ at: now, replicas: recommendation });
    return Math.min(Math.max(currentReplicas, upBound), downBound);
  }
}
