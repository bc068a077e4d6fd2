// Shared first step of `npm start` and `npm test`: plain Node (no dependencies),
// because it runs before node_modules exists. Installs the npm packages when they
// are missing or older than package-lock.json, then hands over to a TypeScript
// entry point run with tsx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function installNeeded() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules', '.bin', 'tsx')) || !existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

/** Runs `entry` (a .ts file under tools/dev/src) with tsx, after `npm ci` if needed. */
export function run(entry) {
  if (installNeeded()) {
    process.stderr.write('[sibyl] installing npm packages (npm ci)…\n');
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (ci.status !== 0) process.exit(ci.status ?? 1);
  }
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(root, 'tools', 'dev', 'src', entry), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  // Ctrl-C reaches the whole process group; the child cleans up, we wait for it.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
