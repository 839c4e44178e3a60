import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Track } from '../../../shared/contracts/recruitment.ts';
import type { Livelihood, ParticipantView, PlaceResult, placeBody, participantsQuery } from '../../../shared/contracts/training.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { createPasswordLink } from '../auth/password-links.ts';
import { persons, personStages } from '../persons/persons.tables.ts';
import { applications } from '../recruitment/recruitment.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { assertCan } from './training.policy.ts';
import { dayIn } from './schedule.ts';
import { findCohortRow, findCourseRow, listParticipantViews, pickText, tenantOf, type CohortRow } from './training.repo.ts';
import { formatSessionTime, trainingText } from './training.texts.ts';
import { participants, trainingSessions } from './training.tables.ts';

type Skip = PlaceResult['skipped'][number];
/** `personId` null: someone new, whose person record is made once they can be placed. */
type Placing = { personId: string | null; name: string; email: string; locale: Locale | null; track: Track | null; applicationId: string | null };
type Env = { ctx: Ctx; tx: Db; cohort: CohortRow; today: string; tenantLocale: Locale; welcome: (locale: Locale) => Record<string, string>; rolesChanged: string[] };

/**
 * Places people in a cohort in one transaction: admitted applications of the tenant (one action from
 * the intake) and people added by hand. Each gets a participant row, the person's participant stage
 * (their applicant stage ends), an account with role participant and a welcome e-mail with the first
 * session and a link to choose a password. Anyone who cannot be placed is named in `skipped`.
 */
export async function placeInCohort(ctx: Ctx, cohortId: string, input: z.output<typeof placeBody>): Promise<PlaceResult> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const rolesChanged: string[] = [];
  const { placedIds, skipped } = await ctx.db.transaction(async (tx) => {
    const cohort = await findCohortRow(tx, ctx.actor.tenantId, cohortId, 'update');
    if (!cohort) throw notFound();
    const tenant = await tenantOf(tx, ctx.actor.tenantId);
    const course = (await findCourseRow(tx, ctx.actor.tenantId, cohort.courseId))!;
    const [next] = await tx.select().from(trainingSessions)
      .where(and(eq(trainingSessions.cohortId, cohort.id), gte(trainingSessions.startsAt, now))).orderBy(asc(trainingSessions.startsAt)).limit(1);
    const welcome = (locale: Locale) => {
      const place = next?.place || cohort.place;
      const first = next
        ? [trainingText(locale, 'welcome.first', { when: formatSessionTime(locale, tenant.country, next.startsAt, next.endsAt) }), ...(place ? [trainingText(locale, 'welcome.place', { place })] : [])].join('\n')
        : trainingText(locale, 'welcome.firstLater');
      return { cohort: cohort.title, course: pickText(course.title, locale), tenant: tenant.name, first };
    };
    const env: Env = { ctx, tx, cohort, today: dayIn(now, tenant.country), tenantLocale: tenant.locale, welcome, rolesChanged };
    const placedIds: string[] = [];
    const skipped: Skip[] = [];
    const record = (outcome: string | Skip) => (typeof outcome === 'string' ? placedIds.push(outcome) : skipped.push(outcome));

    const ids = [...new Set(input.applicationIds)];
    const apps = ids.length === 0 ? [] : await tx
      .select({ id: applications.id, personId: applications.personId, email: applications.email, locale: applications.locale, track: applications.track, stage: applications.stage, name: persons.fullName })
      .from(applications).innerJoin(persons, eq(persons.id, applications.personId))
      .where(and(eq(applications.tenantId, ctx.actor.tenantId), inArray(applications.id, ids)))
      .for('update', { of: applications });
    for (const id of ids) {
      const app = apps.find((a) => a.id === id);
      if (!app) record({ applicationId: id, name: null, email: null, reason: 'not_found' });
      else if (app.stage !== 'admitted') record({ applicationId: id, name: app.name, email: app.email, reason: 'not_admitted' });
      else if (await isPlaced(tx, { applicationId: id })) record({ applicationId: id, name: app.name, email: app.email, reason: 'already_placed' });
      else record(await placePerson(env, { ...app, applicationId: app.id }));
    }
    for (const p of input.persons) {
      const email = normalizeEmail(p.email);
      const [known] = await tx.select({ id: persons.id }).from(persons)
        .where(and(eq(persons.tenantId, ctx.actor.tenantId), sql`lower(${persons.email}) = ${email}`)).orderBy(asc(persons.createdAt)).limit(1);
      record(await placePerson(env, { personId: known?.id ?? null, name: p.name, email, locale: p.locale ?? null, track: p.track ?? null, applicationId: null }));
    }
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: 'cohort.place',
      recordType: 'cohort',
      recordId: cohort.id,
      details: { placed: placedIds, skipped: skipped.map((s) => ({ applicationId: s.applicationId, reason: s.reason })) },
    });
    return { placedIds, skipped };
  });
  ctx.mailer.kick();
  // Roles are part of every cached session: the next request of a newly made participant sees the role.
  for (const userId of rolesChanged) ctx.sessions.revokeUser(userId);
  return { placed: await listParticipantViews(ctx.db, ctx.actor.tenantId, { ids: placedIds }, now), skipped };
}

async function isPlaced(tx: Db, by: { applicationId: string } | { cohortId: string; personId: string }): Promise<boolean> {
  const where = 'applicationId' in by
    ? eq(participants.applicationId, by.applicationId)
    : and(eq(participants.cohortId, by.cohortId), eq(participants.personId, by.personId));
  const [row] = await tx.select({ id: participants.id }).from(participants).where(where).limit(1);
  return Boolean(row);
}

/** One placement; answers the new participant's id, or why they were skipped. */
async function placePerson(env: Env, who: Placing): Promise<string | Skip> {
  const { ctx, tx, cohort } = env;
  const tenantId = ctx.actor.tenantId;
  const skip = (reason: Skip['reason']): Skip => ({ applicationId: who.applicationId, name: who.name, email: who.email, reason });
  const email = normalizeEmail(who.email);
  const [ownAccount] = who.personId ? await tx.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.personId, who.personId))).limit(1) : [];
  const [byEmail] = ownAccount ? [] : await tx.select().from(users).where(eq(users.email, email));
  if (byEmail && byEmail.tenantId !== tenantId) return skip('email_in_other_tenant');
  const existing = ownAccount ?? byEmail;
  const locale = who.locale ?? existing?.locale ?? env.tenantLocale;
  // The account's person is the one "my sessions" follows; an application may have made a second one.
  const personId = existing?.personId ?? who.personId
    ?? (await tx.insert(persons).values({ tenantId, fullName: who.name, email, preferredLocale: locale }).returning({ id: persons.id }))[0]!.id;
  if (await isPlaced(tx, { cohortId: cohort.id, personId })) return skip('already_placed');

  const user = existing ?? (await tx.insert(users).values({ tenantId, personId, email, name: who.name, locale }).returning())[0]!;
  const [hasRole] = await tx.select({ id: userRoles.id }).from(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'participant')));
  if (!hasRole) {
    await tx.insert(userRoles).values({ tenantId, userId: user.id, role: 'participant', grantedBy: ctx.actor.userId });
    await tx.update(users).set({ securityVersion: sql`${users.securityVersion} + 1` }).where(eq(users.id, user.id));
    env.rolesChanged.push(user.id);
  }

  const [row] = await tx.insert(participants)
    .values({ tenantId, cohortId: cohort.id, personId, applicationId: who.applicationId, track: who.track, createdAt: ctx.now() })
    .returning({ id: participants.id });
  await tx.update(personStages).set({ endedOn: env.today })
    .where(and(inArray(personStages.personId, [...new Set([personId, who.personId ?? personId])]), eq(personStages.kind, 'applicant'), isNull(personStages.endedOn)));
  const [open] = await tx.select({ id: personStages.id }).from(personStages)
    .where(and(eq(personStages.personId, personId), eq(personStages.kind, 'participant'), isNull(personStages.endedOn)));
  if (!open) await tx.insert(personStages).values({ tenantId, personId, kind: 'participant', startedOn: env.today });

  // An account that already has a password signs in as usual; a new one chooses its password first.
  const account = user.passwordHash
    ? trainingText(locale, 'welcome.signIn', { link: `${ctx.config.publicOrigin}/sign-in` })
    : trainingText(locale, 'welcome.setPassword', { link: await createPasswordLink(tx, ctx, user, 'setup') });
  const params = { ...env.welcome(locale), name: who.name, account };
  await ctx.mailer.enqueue(tx, { tenantId, to: email, subject: trainingText(locale, 'welcome.subject', params), text: trainingText(locale, 'welcome.body', params) });
  return row!.id;
}

// ---------------------------------------------------------------- participants (the training team's view)

type ParticipantsFilter = Omit<z.output<typeof participantsQuery>, 'cursor' | 'limit'> & { limit: number; offset: number };

export async function findParticipants(ctx: Ctx, f: ParticipantsFilter): Promise<ParticipantView[]> {
  assertCan(ctx.actor, 'training.manage');
  return auditLivelihoodReads(ctx, await listParticipantViews(ctx.db, ctx.actor.tenantId, f, ctx.now()));
}

/**
 * A list that shows what participants live on is a read of each one's livelihood (it may tell of
 * sickness compensation): one audit event per participant whose livelihood is recorded, so their
 * "who has read my data" is complete.
 */
export async function auditLivelihoodReads(ctx: Ctx, views: ParticipantView[]): Promise<ParticipantView[]> {
  const shown = views.filter((v) => v.livelihood !== null);
  if (shown.length === 0) return views;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    for (const v of shown) {
      await writeAudit(tx, { actor: ctx.actor, now }, { action: 'participant.livelihood_read', recordType: 'participant', recordId: v.id, subjectPersonId: v.personId });
    }
  });
  return views;
}

/** One participant, livelihood included; the read is audited (it tells what they live on). */
export async function readParticipant(ctx: Ctx, id: string): Promise<ParticipantView> {
  assertCan(ctx.actor, 'training.manage');
  return ctx.db.transaction(async (tx) => {
    const [view] = await listParticipantViews(tx, ctx.actor.tenantId, { id }, ctx.now());
    if (!view) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'participant.read', recordType: 'participant', recordId: id, subjectPersonId: view.personId });
    return view;
  });
}

/** Records what the participant lives on during the training (seed 002): it decides what they must report. */
export async function setLivelihood(ctx: Ctx, id: string, livelihood: Livelihood | null): Promise<ParticipantView> {
  assertCan(ctx.actor, 'training.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(participants).set({ livelihood })
      .where(and(eq(participants.tenantId, ctx.actor.tenantId), eq(participants.id, id))).returning({ personId: participants.personId });
    if (!row) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'participant.livelihood', recordType: 'participant', recordId: id, subjectPersonId: row.personId });
    const [view] = await listParticipantViews(tx, ctx.actor.tenantId, { id }, ctx.now());
    return view!;
  });
}
