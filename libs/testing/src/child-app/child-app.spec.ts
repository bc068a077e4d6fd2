import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildApp, freePort } from './child-app';

describe('ChildApp.start', () => {
  it('fails as soon as the app exits, with its whole output, not at the health timeout', async () => {
    const script = join(await mkdtemp(join(tmpdir(), 'sibyl-child-')), 'quits.js');
    await writeFile(
      script,
      "process.stdout.write('cannot start: no model\\n'); process.exit(3);\n",
    );
    const started = Date.now();
    await expect(
      ChildApp.start({ name: 'quitter', script, env: {}, port: await freePort() }),
    ).rejects.toThrow(/quitter exited:\ncannot start: no model/);
    expect(Date.now() - started).toBeLessThan(10_000); // the health wait is 60 s
  });

  it('answers once the app is healthy', async () => {
    const port = await freePort();
    const script = join(await mkdtemp(join(tmpdir(), 'sibyl-child-')), 'serves.js');
    await writeFile(
      script,
      "require('node:http').createServer((_, res) => res.end('ok'))" +
        `.listen(${port}, '127.0.0.1');\n`,
    );
    const app = await ChildApp.start({ name: 'server', script, env: {}, port });
    expect(app.running).toBe(true);
    await app.stop();
  });
});
