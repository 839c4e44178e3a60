import { openDatabase, migrateDatabase, type Database } from '../../src/server/db/client.ts';
import { openScratchServerDatabase } from '../helpers/template.ts';

/** A freshly migrated database with no data: in-memory PGlite, or a new database on TEST_DATABASE_URL. */
export async function openEmptyDatabase(kind: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const scratch = await openScratchServerDatabase(process.env.TEST_DATABASE_URL!, { prefix: 'peerbridge_cli', poolSize: 3 });
  await migrateDatabase(scratch.database);
  return scratch;
}
