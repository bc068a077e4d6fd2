import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { messagingNames } from '@sibyl/contracts';
import { dropTestDatabase } from '@sibyl/testing';

/** How long the run's database may take to be found for its drop. */
const DATABASE_SELECTION_TIMEOUT_MS = 5000;

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
  try {
    notes.push(...(await deletePredictionTopology(rabbitUrl, messagingNames(namespace))));
  } catch (error) {
    notes.push(`broker clean-up failed: ${(error as Error).message}`);
  }
  if (!dropDatabase) return notes;
  try {
    await dropTestDatabase(mongoUri, { serverSelectionTimeoutMS: DATABASE_SELECTION_TIMEOUT_MS });
  } catch (error) {
    notes.push(`database clean-up failed: ${(error as Error).message}`);
  }
  return notes;
}
