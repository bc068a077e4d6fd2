/** A mistake in a tool's command line: the tool prints it (with its usage) and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
