import { existsSync } from 'node:fs';
import { mustRun, runCommand } from './commands';
import { log } from './log';

/** Where the browser tests look for Chromium (CHROMIUM_PATH overrides, as in the dashboard e2e). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * What the test suites need besides Node packages, installed when missing so that `npm test`
 * works on a fresh machine: kustomize for the offline manifest validation (built with Go by
 * deploy/scripts/install-kustomize.sh, a no-op once built) and Debian's Chromium for the browser
 * tests (apt, as root). Never downloads a browser of its own.
 */
export async function ensureTestTools(): Promise<void> {
  await mustRun('bash', ['deploy/scripts/install-kustomize.sh']);
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `${CHROMIUM} missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  log('Chromium missing: installing Debian chromium with apt-get…');
  const packages = [
    'install',
    '-y',
    '-q',
    '--no-install-recommends',
    'chromium',
    'fonts-dejavu-core',
  ];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await runCommand('apt-get', packages, { env })) !== 0) {
    await mustRun('apt-get', ['update', '-q'], { env });
    await mustRun('apt-get', packages, { env });
  }
}
