import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { FollowUpNoteView } from '../../../shared/contracts/training-work.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.tables.ts';
import { assertCan } from './training.policy.ts';
import { getParticipantRecord } from './training-work.repo.ts';
import { followUpNotes } from './training.tables.ts';

/**
 * The team's dated notes on each participant's process (seed 002: "uppföljning av deltagarnas
 * processer"). Private to the team: no participant-facing answer ever carries them.
 */
export async function findNotes(ctx: Ctx, participantId: string): Promise<FollowUpNoteView[]> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  const rows = await ctx.db
    .select({ note: followUpNotes, authorName: users.name })
    .from(followUpNotes)
    .leftJoin(users, eq(users.id, followUpNotes.authorUserId))
    .where(eq(followUpNotes.participantId, participantId))
    .orderBy(asc(followUpNotes.createdAt));
  if (rows.length > 0) {
    await ctx.db.transaction((tx) =>
      writeAudit(tx, { actor: ctx.actor, now }, { action: 'follow_up_note.read', recordType: 'participant', recordId: participantId, subjectPersonId: rec.person.id, details: { notes: rows.length } }),
    );
  }
  return rows.map((r) => ({
    id: r.note.id,
    participantId,
    note: ctx.keyring.decrypt(r.note.noteEncrypted),
    authorUserId: r.note.authorUserId,
    authorName: r.authorName,
    createdAt: r.note.createdAt.toISOString(),
  }));
}

/** Writes a note in the caller's transaction (also used for the reason of a completion by override). */
export async function insertNote(tx: Db, ctx: Ctx, p: { participantId: string; personId: string }, note: string, now: Date): Promise<FollowUpNoteView> {
  const [row] = await tx
    .insert(followUpNotes)
    .values({ tenantId: ctx.actor.tenantId, participantId: p.participantId, authorUserId: ctx.actor.userId, noteEncrypted: ctx.keyring.encrypt(note), createdAt: now })
    .returning();
  await writeAudit(tx, { actor: ctx.actor, now }, { action: 'follow_up_note.create', recordType: 'follow_up_note', recordId: row!.id, subjectPersonId: p.personId, details: { participantId: p.participantId } });
  return { id: row!.id, participantId: p.participantId, note, authorUserId: ctx.actor.userId, authorName: ctx.actor.name, createdAt: now.toISOString() };
}

export async function createNote(ctx: Ctx, participantId: string, note: string): Promise<FollowUpNoteView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  return ctx.db.transaction((tx) => insertNote(tx, ctx, { participantId, personId: rec.person.id }, note, now));
}
