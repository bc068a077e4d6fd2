/** Microseconds per second (`process.cpuUsage()` counts microseconds). */
const MICROSECONDS_PER_SECOND = 1e6;

/** CPU time this process has used so far (user + system), in seconds. */
export function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / MICROSECONDS_PER_SECOND;
}
