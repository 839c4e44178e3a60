import { and, eq } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import type { Ctx, Services } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.tables.ts';
import { mySessionRows } from './sessions.service.ts';
import { pickText, tenantOf } from './training.repo.ts';
import { trainingText } from './training.texts.ts';
import { calendarFeeds } from './training.tables.ts';

/** A calendar shows the recent past too, so a session just held does not vanish from it at once. */
const FEED_DAYS_BACK = 30;
const FEED_MAX_EVENTS = 1000;

/**
 * A new secret feed URL of my sessions (as participant and as course leader). Only the token's hash
 * is kept; a new feed replaces the earlier one, so a leaked URL is stopped by making a new one.
 */
export async function createCalendarFeed(ctx: Ctx): Promise<{ url: string }> {
  const token = randomToken();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, ctx.actor.userId));
    const [row] = await tx.insert(calendarFeeds).values({ tenantId: ctx.actor.tenantId, userId: ctx.actor.userId, tokenHash: sha256Hex(token), createdAt: now }).returning({ id: calendarFeeds.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'calendar_feed.create', recordType: 'calendar_feed', recordId: row!.id });
  });
  return { url: `${ctx.config.publicOrigin}/api/public/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(ctx: Ctx): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, ctx.actor.userId)).returning({ id: calendarFeeds.id });
    if (gone[0]) await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'calendar_feed.revoke', recordType: 'calendar_feed', recordId: gone[0].id });
  });
}

/** The feed behind a secret token: an iCalendar of the owner's sessions; unknown, revoked or deactivated is 404. */
export async function calendarFeedIcs(svc: Services, token: string): Promise<string> {
  const [owner] = await svc.db
    .select({ userId: users.id, tenantId: users.tenantId, personId: users.personId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, sha256Hex(token)), eq(users.status, 'active')));
  if (!owner) throw notFound();
  const now = svc.now();
  const tenant = await tenantOf(svc.db, owner.tenantId);
  const rows = await mySessionRows(svc.db, owner, new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000), { limit: FEED_MAX_EVENTS, offset: 0 });
  const events = rows.map(({ session: s, cohortTitle, courseTitle }): EventAttributes & { timestamp: number } => ({
    // One UID per session for ever: a moved session moves in the subscriber's calendar instead of doubling.
    uid: `session-${s.id}@peerbridge`,
    timestamp: now.getTime(),
    start: s.startsAt.getTime(),
    end: s.endsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    title: s.topic ? `${cohortTitle}: ${s.topic}` : cohortTitle,
    description: [pickText(courseTitle, owner.locale), s.topic].filter(Boolean).join('\n'),
    ...(s.place ? { location: s.place } : {}),
    status: 'CONFIRMED',
  }));
  const { error, value } = createEvents(events, { productId: 'peerbridge/training', calName: trainingText(owner.locale, 'calendar.name', { tenant: tenant.name }) });
  if (error || !value) throw error ?? new Error('ics: no calendar produced');
  return value;
}
