import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { connect } from 'amqplib';
import mongoose from 'mongoose';

/** The machine and versions a bench ran on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  rabbitmq: string;
  database: string;
  kernel: string;
}

function lscpuModel(): string {
  try {
    const out = execFileSync('lscpu', { encoding: 'utf8' });
    return /^Model name:\s*(.+)$/m.exec(out)?.[1].trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

/** RabbitMQ's version from the AMQP handshake. */
async function rabbitVersion(url: string): Promise<string> {
  try {
    const connection = await connect(url);
    const props = (
      connection as unknown as { connection: { serverProperties: Record<string, string> } }
    ).connection.serverProperties;
    await connection.close();
    return `RabbitMQ ${props.version ?? '?'}`;
  } catch (error) {
    return `RabbitMQ (unreachable: ${(error as Error).message})`;
  }
}

/** FerretDB version the workspace's embedded build pins (its binary reports `unknown`). */
function pinnedFerretDbVersion(): string | null {
  try {
    return (
      /github\.com\/FerretDB\/FerretDB v(\S+)/.exec(
        readFileSync('tools/ferretdb/go.mod', 'utf8'),
      )?.[1] ?? null
    );
  } catch {
    return null;
  }
}

/** The database's version (`buildInfo`; FerretDB also reports its own version, else the pinned one). */
async function databaseVersion(uri: string): Promise<string> {
  const pinned = pinnedFerretDbVersion();
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 3000 });
  try {
    await client.connect();
    const info = await client.db('admin').command({ buildInfo: 1 });
    const reported = (info.ferretdbVersion ?? info.ferretdb?.version) as string | undefined;
    if (reported === undefined) return `MongoDB ${info.version}`;
    const version = reported === 'unknown' && pinned ? pinned : reported.replace(/^v/, '');
    return `FerretDB ${version} (SQLite backend; MongoDB wire ${info.version})`;
  } catch {
    // the runs use private FerretDB instances of the workspace's build
    return pinned
      ? `FerretDB ${pinned} (SQLite backend, tools/ferretdb)`
      : 'database version unknown';
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Collects {@link MachineInfo}. */
export async function machineInfo(rabbitUrl: string, mongoUri: string): Promise<MachineInfo> {
  let kernel = 'unknown';
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    /* not fatal */
  }
  return {
    cpuModel: lscpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    rabbitmq: await rabbitVersion(rabbitUrl),
    database: await databaseVersion(mongoUri),
    kernel,
  };
}
