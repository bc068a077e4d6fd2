import { parseScopes, Scope } from '@sibyl/auth';
import { parseArgs } from 'node:util';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What `npm run keys -- …` was asked to do. */
export type KeysCommand =
  | { name: 'create'; key: { name: string; scopes: Scope[]; rateLimit?: number }; json: boolean }
  | { name: 'list'; json: boolean }
  | { name: 'revoke'; keyName: string; json: boolean }
  | { name: 'help' };

/** The usage text. */
export const USAGE = `Usage: npm run keys -- <command> [options]

Manage the gateway's API keys, straight in MongoDB at MONGODB_URI
(default mongodb://127.0.0.1:27017/sibyl).

Commands:
  create --name NAME --scopes predict,read [--rate-limit N] [--json]
      Creates a key and prints it once (it is stored hashed; it cannot be shown again).
      Scopes: predict, read, feedback, metrics, admin. --rate-limit: requests per second
      (default: the gateway's RATE_LIMIT_PER_SECOND).
  list [--json]          Every key (never the key itself), revoked ones too.
  revoke NAME [--json]   Revokes the key; gateways refuse it within AUTH_CACHE_TTL_MS (5 s).
  help                   This text.`;

/** Parses the arguments after `npm run keys --`. */
export function parseKeysArgs(argv: readonly string[]): KeysCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        scopes: { type: 'string' },
        'rate-limit': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { name: 'help' };
  const json = values.json ?? false;
  switch (command) {
    case 'create':
      noExtra(command, rest);
      return { name: 'create', key: createOptions(values), json };
    case 'list':
      noExtra(command, rest);
      return { name: 'list', json };
    case 'revoke':
      if (rest.length !== 1) throw new UsageError('revoke takes exactly one key NAME');
      return { name: 'revoke', keyName: rest[0], json };
    default:
      throw new UsageError(`unknown command "${command}"; commands: create, list, revoke, help`);
  }
}

function createOptions(values: { name?: string; scopes?: string; 'rate-limit'?: string }): {
  name: string;
  scopes: Scope[];
  rateLimit?: number;
} {
  if (!values.name) throw new UsageError('create needs --name NAME');
  if (!values.scopes) throw new UsageError('create needs --scopes, e.g. --scopes predict,read');
  let scopes: Scope[];
  try {
    scopes = parseScopes(values.scopes);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const limit = values['rate-limit'];
  if (limit === undefined) return { name: values.name, scopes };
  const rateLimit = Number(limit);
  if (!Number.isFinite(rateLimit) || rateLimit <= 0) {
    throw new UsageError(
      `--rate-limit must be a positive number of requests per second, got "${limit}"`,
    );
  }
  return { name: values.name, scopes, rateLimit };
}

function noExtra(command: string, rest: readonly string[]): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no argument "${rest[0]}"`);
}
