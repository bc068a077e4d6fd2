import { ApiKeyInputError, ApiKeyStore, ApiKeySummary } from '@sibyl/auth';
import { alignColumns } from '@sibyl/testing';
import type { KeysCommand } from './keys-args';
import { UsageError } from './keys-args';

/** Where a command writes (injected so tests can capture it). */
export interface KeysOutput {
  out(line: string): void;
  err(line: string): void;
}

/** The store operations the commands need. */
export type KeysStore = Pick<ApiKeyStore, 'create' | 'list' | 'revoke'>;

/**
 * Runs a parsed command against the store; returns the exit code (0 done, 1 refused: name
 * taken, unknown key). Invalid input is a {@link UsageError}.
 */
export async function runKeysCommand(
  command: Exclude<KeysCommand, { name: 'help' }>,
  store: KeysStore,
  io: KeysOutput,
): Promise<number> {
  switch (command.name) {
    case 'create': {
      let created;
      try {
        created = await store.create(command.key);
      } catch (error) {
        if (error instanceof ApiKeyInputError && error.conflict) {
          io.err(`error: ${error.message}; pick another --name, or revoke it first`);
          return 1;
        }
        if (error instanceof ApiKeyInputError) throw new UsageError(error.message);
        throw error;
      }
      if (command.json) {
        io.out(JSON.stringify(created));
      } else {
        io.out(created.key);
        io.err(
          `created key "${created.name}" (scopes ${created.scopes.join(', ')}; rate limit ${created.rateLimit ?? 'default'}). ` +
            'It is shown this once: store it now.',
        );
      }
      return 0;
    }
    case 'list': {
      const keys = await store.list();
      if (command.json) io.out(JSON.stringify(keys));
      else for (const line of formatKeyTable(keys)) io.out(line);
      return 0;
    }
    case 'revoke': {
      const outcome = await store.revoke(command.keyName);
      if (command.json) io.out(JSON.stringify({ name: command.keyName, outcome }));
      if (outcome === 'not_found') {
        io.err(`error: no key named "${command.keyName}" (npm run keys -- list shows them)`);
        return 1;
      }
      if (!command.json) {
        io.err(
          outcome === 'revoked'
            ? `revoked "${command.keyName}": gateways refuse it within their AUTH_CACHE_TTL_MS (5 s by default)`
            : `"${command.keyName}" was already revoked`,
        );
      }
      return 0;
    }
  }
}

/** The `list` table: one line per key, aligned columns. */
export function formatKeyTable(keys: readonly ApiKeySummary[]): string[] {
  if (keys.length === 0) return ['no API keys yet: npm run keys -- create --name NAME --scopes …'];
  const rows = [
    ['NAME', 'SCOPES', 'RATE/S', 'CREATED', 'LAST USED', 'STATUS'],
    ...keys.map((key) => [
      key.name,
      key.scopes.join(','),
      key.rateLimit === null ? 'default' : String(key.rateLimit),
      key.createdAt.toISOString(),
      key.lastUsedAt?.toISOString() ?? 'never',
      key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active',
    ]),
  ];
  return alignColumns(rows);
}
