import { ApiKeyInputError, ApiKeySummary } from '@sibyl/auth';
import { KeysCommand, UsageError } from './keys-args';
import { formatKeyTable, KeysStore, runKeysCommand } from './keys-commands';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const summary = (name: string, revoked = false): ApiKeySummary => ({
  name,
  scopes: ['predict', 'read'],
  rateLimit: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  lastUsedAt: null,
  revokedAt: revoked ? new Date('2026-01-02T00:00:00Z') : null,
});

function store(overrides: Partial<KeysStore> = {}): KeysStore {
  return {
    create: jest.fn(async (input) => ({
      key: 'sk_secret',
      name: input.name,
      scopes: [...input.scopes],
      rateLimit: input.rateLimit ?? null,
    })),
    list: jest.fn(async () => [summary('ci'), summary('old', true)]),
    revoke: jest.fn(async () => 'revoked' as const),
    ...overrides,
  };
}

describe('runKeysCommand', () => {
  const create: KeysCommand & { name: 'create' } = {
    name: 'create',
    key: { name: 'ci', scopes: ['read'] },
    json: false,
  };

  it('prints a created key alone on stdout (scriptable) and the notice on stderr', async () => {
    const { out, err, io } = capture();
    expect(await runKeysCommand(create, store(), io)).toBe(0);
    expect(out).toEqual(['sk_secret']);
    expect(err.join('\n')).toMatch(/created key "ci" .* shown this once/);
  });

  it('prints {key, name, scopes, rateLimit} with --json', async () => {
    const { out, io } = capture();
    await runKeysCommand({ ...create, json: true }, store(), io);
    expect(JSON.parse(out[0])).toEqual({
      key: 'sk_secret',
      name: 'ci',
      scopes: ['read'],
      rateLimit: null,
    });
  });

  it('exits 1 on a taken name and turns bad input into a usage error', async () => {
    const { err, io } = capture();
    const taken = store({
      create: async () => {
        throw new ApiKeyInputError('a key named "ci" already exists', true);
      },
    });
    expect(await runKeysCommand(create, taken, io)).toBe(1);
    expect(err[0]).toMatch(/already exists; pick another --name/);
    const invalid = store({
      create: async () => {
        throw new ApiKeyInputError('name must be …');
      },
    });
    await expect(runKeysCommand(create, invalid, io)).rejects.toBeInstanceOf(UsageError);
  });

  it('lists keys as a table or JSON, never with the key', async () => {
    const { out, io } = capture();
    await runKeysCommand({ name: 'list', json: false }, store(), io);
    expect(out[0]).toMatch(/^NAME\s+SCOPES\s+RATE\/S\s+CREATED\s+LAST USED\s+STATUS$/);
    expect(out[1]).toMatch(
      /^ci\s+predict,read\s+default\s+2026-01-01T00:00:00.000Z\s+never\s+active$/,
    );
    expect(out[2]).toMatch(/revoked 2026-01-02/);
    const json = capture();
    await runKeysCommand({ name: 'list', json: true }, store(), json.io);
    expect(JSON.parse(json.out[0])).toHaveLength(2);
  });

  it('revokes, and exits 1 for an unknown name', async () => {
    const { err, io } = capture();
    expect(await runKeysCommand({ name: 'revoke', keyName: 'ci', json: false }, store(), io)).toBe(
      0,
    );
    expect(err[0]).toMatch(/revoked "ci"/);
    const missing = store({ revoke: async () => 'not_found' as const });
    expect(await runKeysCommand({ name: 'revoke', keyName: 'x', json: false }, missing, io)).toBe(
      1,
    );
    expect(err[1]).toMatch(/no key named "x"/);
  });

  it('says how to start when there are no keys', () => {
    expect(formatKeyTable([])[0]).toMatch(/no API keys yet/);
  });
});
