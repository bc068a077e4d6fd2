import { messagingNames } from '@sibyl/contracts';
import { connect } from 'amqplib';
import mongoose from 'mongoose';

/**
 * Removes what a spawned run left on the shared infrastructure: the namespace's
 * queues and exchanges on the broker and the run's database. Best effort: returns
 * notes for whatever could not be removed.
 */
export async function cleanUpRun(
  rabbitUrl: string,
  namespace: string,
  mongoUri: string,
  dropDatabase = true,
): Promise<string[]> {
  const notes: string[] = [];
  if (!namespace) throw new Error('refusing to clean up the production (empty) namespace');
  const names = messagingNames(namespace);
  try {
    const connection = await connect(rabbitUrl);
    try {
      for (const queue of [names.requestsQueue, names.deadLetterQueue]) {
        const channel = await connection.createChannel();
        await channel
          .deleteQueue(queue)
          .catch((e: Error) => notes.push(`queue ${queue}: ${e.message}`));
        await channel.close().catch(() => undefined);
      }
      for (const exchange of [
        names.requestsExchange,
        names.deadLetterExchange,
        names.modelEventsExchange,
      ]) {
        const channel = await connection.createChannel();
        await channel
          .deleteExchange(exchange)
          .catch((e: Error) => notes.push(`exchange ${exchange}: ${e.message}`));
        await channel.close().catch(() => undefined);
      }
    } finally {
      await connection.close().catch(() => undefined);
    }
  } catch (error) {
    notes.push(`broker clean-up failed: ${(error as Error).message}`);
  }
  if (!dropDatabase) return notes;
  const client = new mongoose.mongo.MongoClient(mongoUri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    await client.db().dropDatabase();
  } catch (error) {
    notes.push(`database clean-up failed: ${(error as Error).message}`);
  } finally {
    await client.close().catch(() => undefined);
  }
  return notes;
}
