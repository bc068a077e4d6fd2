import { cpus, hostname, totalmem } from 'node:os';
import { RunEnvironment } from './load-report';

/** Describes this machine for the report. */
export function currentEnvironment(): RunEnvironment {
  const cores = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpuCount: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    hostname: hostname(),
  };
}
