import { execFileSync } from 'node:child_process';
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
    const props = (connection as unknown as { connection: { serverProperties: Record<string, string> } }).connection.serverProperties;
    await connection.close();
    return `RabbitMQ ${props.version ?? '?'}`;
  } catch (error) {
    return `RabbitMQ (unreachable: ${(error as Error).message})`;
  }
}

/** The database's version (`buildInfo`; FerretDB also reports its own version). */
async function databaseVersion(uri: string): Promise<string> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 3000 });
  try {
    await client.connect();
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = (info.ferretdbVersion ?? info.ferretdb?.version) as string | undefined;
    return ferret ? `FerretDB ${ferret.replace(/^v/, '')} (SQLite backend; MongoDB wire ${info.version})` : `MongoDB ${info.version}`;
  } catch (error) {
    return `database (unreachable: ${(error as Error).message})`;
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
