/**
 * The client address of a request: the socket's peer, or with `trustedHops` proxies in front,
 * the address that many entries from the right of `X-Forwarded-For` + peer (what a client
 * cannot forge; entries further left can be).
 */
export function clientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const direct = peer ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return direct;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, direct];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
