import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return `(${command} unavailable)`;
  }
}

/** Lines describing the machine: CPU (`lscpu`), memory, Node, Python and scikit-learn versions. */
export function machineInfo(): string[] {
  const lscpu = run('lscpu', [])
    .split('\n')
    .filter((line) => /^(Model name|CPU\(s\)|Thread|Core|Socket|L2|L3|Architecture)/.test(line))
    .map((line) => line.replace(/\s{2,}/g, ' '));
  const python = run('/usr/bin/python3', [
    '-c',
    'import sys, sklearn; print(sys.version.split()[0], "scikit-learn", sklearn.__version__)',
  ]);
  return [
    ...lscpu,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${cpus().length} logical CPUs`,
    `Node ${process.version}; Python ${python}`,
    `Load average when the run ended (other work shares this machine): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ];
}
