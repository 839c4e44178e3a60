import type { Services } from '../../context.ts';

const CHANNEL = 'peerbridge_revoke_user';

/**
 * Several app processes may share one PostgreSQL server, each with its own session cache.
 * A revocation is NOTIFYed to all of them; each drops the user's cached sessions at once.
 * The embedded database serves one process only, so there the local drop is enough.
 */
export async function startRevocationListener(svc: Services): Promise<() => Promise<void>> {
  const pool = svc.database.pool;
  if (!pool) return async () => {};
  const client = await pool.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  client.on('notification', (msg) => {
    if (msg.channel === CHANNEL && msg.payload) svc.sessions.dropUserLocally(msg.payload);
  });
  svc.sessions.setBroadcaster((userId) => {
    pool.query('select pg_notify($1, $2)', [CHANNEL, userId]).catch(() => {});
  });
  return async () => {
    svc.sessions.setBroadcaster(null);
    await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
    client.release();
  };
}
