import { ApiKeyStore, hashApiKey } from '@sibyl/auth';
import { DEFAULT_MONGODB_URI, runCli, uniqueMongoUri, type CliRun } from '@sibyl/testing';
import mongoose, { Connection } from 'mongoose';

/** `npm run keys -- …` against a fresh database of the shared FerretDB. */
describe('npm run keys', () => {
  const uri = uniqueMongoUri(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI);
  let db: Connection;

  /** `npm run keys -- …` against the test database. */
  function keys(...args: string[]): Promise<CliRun> {
    return runCli('tools/keys/src/main.ts', args, { MONGODB_URI: uri });
  }

  beforeAll(async () => {
    db = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10000 }).asPromise();
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('creates a key, stored only as its hash, and refuses the same name twice', async () => {
    const created = await keys(
      ...'create --name ci --scopes predict,read --rate-limit 5 --json'.split(' '),
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/connecting to mongodb:\/\/127\.0\.0\.1/);
    const body = JSON.parse(created.stdout) as { key: string; name: string; scopes: string[] };
    expect(body).toEqual({
      key: expect.stringMatching(/^sk_/),
      name: 'ci',
      scopes: ['predict', 'read'],
      rateLimit: 5,
    });
    const stored = await db.collection('api_keys').findOne({ name: 'ci' });
    expect(stored?._id).toBe(hashApiKey(body.key));
    expect(JSON.stringify(stored)).not.toContain(body.key);
    const again = await keys('create', '--name', 'ci', '--scopes', 'read');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a key named "ci" already exists/);
  });

  it('prints the bare key without --json, lists and revokes', async () => {
    const created = await keys('create', '--name', 'dashboard', '--scopes', 'admin');
    expect(created.stdout.trim()).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const listed = await keys('list');
    expect(listed.stdout).toMatch(/^ci\s+predict,read\s+5\s/m);
    expect(listed.stdout).toMatch(/^dashboard\s+admin\s+default\s/m);
    expect(listed.stdout).not.toMatch(/sk_/);
    const revoked = await keys('revoke', 'dashboard');
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toMatch(/revoked "dashboard"/);
    const store = new ApiKeyStore(db);
    expect((await store.list()).find((key) => key.name === 'dashboard')?.revokedAt).toBeInstanceOf(
      Date,
    );
    expect((await keys('revoke', 'nobody')).code).toBe(1);
  });

  it('explains usage mistakes with exit code 2', async () => {
    const wrong = await keys('create', '--name', 'x', '--scopes', 'root');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown scope\(s\) root; valid scopes: predict, read/);
    expect(wrong.stderr).toMatch(/Usage: npm run keys/);
  });

  it('says clearly when the database cannot be reached', async () => {
    const { code, stderr } = await runCli('tools/keys/src/main.ts', ['list'], {
      MONGODB_URI: 'mongodb://u:secret@127.0.0.1:9/sibyl?serverSelectionTimeoutMS=500',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot reach the database at mongodb:\/\/u:\*\*\*@127\.0\.0\.1:9/);
    expect(stderr).not.toContain('secret');
  });
});
