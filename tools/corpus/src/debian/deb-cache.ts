import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Progress } from '../progress';

/** A downloaded and unpacked Debian package. */
export interface UnpackedPackage {
  name: string;
  version: string;
  /** File name of the .deb in the cache. */
  debFile: string;
  /** SHA-256 of the .deb file. */
  sha256: string;
  /** Directory holding the unpacked file system tree. */
  root: string;
}

/**
 * Downloads packages with `apt-get download` into a git-ignored cache and unpacks them with `dpkg-deb -x`.
 * Already cached packages are reused, so re-runs work offline and use the same package versions.
 */
export class DebCache {
  constructor(
    private readonly debDir: string,
    private readonly unpackDir: string,
    private readonly progress: Progress,
  ) {
    mkdirSync(debDir, { recursive: true });
    mkdirSync(unpackDir, { recursive: true });
  }

  /** Downloads every package of `names` that is not cached yet, with a single `apt-get download` call. */
  prefetch(names: string[]): void {
    const missing = [...new Set(names)].filter((name) => !this.cachedDeb(name)).sort();
    if (missing.length === 0) return;
    this.progress.log(`downloading ${missing.length} packages: ${missing.join(' ')}`);
    this.download(missing);
  }

  /** Returns the unpacked package, downloading and unpacking it first when needed. */
  get(name: string): UnpackedPackage {
    let debFile = this.cachedDeb(name);
    if (!debFile) {
      this.progress.log(`${name}: downloading`);
      this.download([name]);
      debFile = this.cachedDeb(name);
      if (!debFile) throw new Error(`apt-get download ${name} produced no .deb in ${this.debDir}`);
    }
    const debPath = join(this.debDir, debFile);
    const version = execFileSync('dpkg-deb', ['-f', debPath, 'Version'], {
      encoding: 'utf8',
    }).trim();
    const root = join(this.unpackDir, `${name}_${version.replace(/[^\w.+~-]/g, '_')}`);
    if (!existsSync(join(root, '.unpacked'))) {
      this.progress.log(`${name}: unpacking ${debFile}`);
      rmSync(root, { recursive: true, force: true });
      const partial = `${root}.partial`;
      rmSync(partial, { recursive: true, force: true });
      execFileSync('dpkg-deb', ['-x', debPath, partial]);
      writeFileSync(join(partial, '.unpacked'), `${debFile}\n`);
      renameSync(partial, root);
    }
    const sha256 = createHash('sha256').update(readFileSync(debPath)).digest('hex');
    return { name, version, debFile, sha256, root };
  }

  private download(names: string[]): void {
    try {
      execFileSync('apt-get', ['download', ...names], {
        cwd: this.debDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
      throw new Error(
        `apt-get download ${names.join(' ')} failed (run 'apt-get update' first?): ${stderr}`,
      );
    }
  }

  /** The newest cached .deb of `name` (apt-get encodes ':' in versions as %3a). */
  private cachedDeb(name: string): string | undefined {
    return readdirSync(this.debDir)
      .filter((file) => file.startsWith(`${name}_`) && file.endsWith('.deb'))
      .sort()
      .pop();
  }
}
