import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { ApplicationStatusView } from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { applications, intakes, interviews, interviewSlots } from './recruitment.tables.ts';
import { isFinal, moveToStage } from './application-stages.ts';
import { getApplicationByToken, statusUrlFor } from './application-token.ts';
import { purgeApplications } from './application-purge.ts';
import { formatDay, recruitmentText } from './decision.texts.ts';
import { assertCanWithdraw, purgeDayFrom } from './recruitment.policy.ts';
import { bookedInterviewOf, collectApplicationExport, timelineOf, type ApplicationExport } from './application-export.ts';
import { toSlotView } from './interviews.repo.ts';
import { cancelComingInterview } from './interviews.service.ts';
import { mailApplicant } from './public-applications.service.ts';

/*
 * The status page's use cases. The personal link's token is the applicant's only key: each use case
 * starts by finding the application it opens (401 without a valid one), and acts on that one alone.
 */

type ApplicationRow = typeof applications.$inferSelect;

/** What the status page shows: where the application stands, the interview, slots to pick, the decision. */
export async function statusViewOf(db: Db, svc: Services, app: ApplicationRow): Promise<ApplicationStatusView> {
  const [head] = await db
    .select({ intakeTitle: intakes.title, tenantName: tenants.name, name: persons.fullName })
    .from(intakes)
    .innerJoin(tenants, eq(tenants.id, intakes.tenantId))
    .innerJoin(persons, eq(persons.id, app.personId))
    .where(eq(intakes.id, app.intakeId));
  const booked = await bookedInterviewOf(db, app.id);
  const canBookInterview = app.stage === 'interview_invited' && !app.decision;
  const free = canBookInterview
    ? await db
        .select({ slot: interviewSlots })
        .from(interviewSlots)
        .leftJoin(interviews, eq(interviews.slotId, interviewSlots.id))
        .where(and(eq(interviewSlots.intakeId, app.intakeId), gt(interviewSlots.startsAt, svc.now()), isNull(interviews.id)))
        .orderBy(asc(interviewSlots.startsAt))
    : [];
  return {
    reference: app.reference,
    tenantName: head!.tenantName,
    intakeTitle: head!.intakeTitle,
    name: head!.name,
    email: app.email,
    locale: app.locale,
    stage: app.stage,
    submittedAt: app.submittedAt.toISOString(),
    timeline: await timelineOf(db, app.id),
    interview: booked ? toSlotView(booked.slot) : null,
    canBookInterview,
    availableSlots: free.map((r) => toSlotView(r.slot)),
    // As `assertCanWithdraw`: until admitted or turned down; a waitlisted applicant may still step back.
    canWithdraw: !isFinal(app.stage) || app.stage === 'waitlisted',
    decision:
      app.decision && app.decidedAt
        ? { decision: app.decision, letter: app.decisionLetterEncrypted ? svc.keyring.decrypt(app.decisionLetterEncrypted) : '', decidedAt: app.decidedAt.toISOString(), purgeAfter: app.purgeAfter }
        : null,
    purgeAfter: app.purgeAfter,
  };
}

const auditApplicant = (tx: Db, app: ApplicationRow, now: Date, action: string, details?: Record<string, unknown>) =>
  writeAudit(tx, { actor: null, tenantId: app.tenantId, now }, { action, recordType: 'application', recordId: app.id, subjectPersonId: app.personId, details });

/** The status page; the read is audited since it can hold the decision letter. */
export async function readStatus(svc: Services, token: string | null): Promise<ApplicationStatusView> {
  const app = await getApplicationByToken(svc.db, token);
  return svc.db.transaction(async (tx) => {
    await auditApplicant(tx, app, svc.now(), 'application.status_read');
    return statusViewOf(tx, svc, app);
  });
}

/**
 * The applicant withdraws, as when the team records it for them: everything is deleted after the
 * intake's retention time (the day is said in the receipt), and a coming interview frees its slot.
 */
export async function withdrawApplication(svc: Services, token: string | null): Promise<ApplicationStatusView> {
  const { id } = await getApplicationByToken(svc.db, token);
  const now = svc.now();
  const view = await svc.db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    assertCanWithdraw(app!.stage);
    const [intake] = await tx.select().from(intakes).where(eq(intakes.id, app!.intakeId));
    const purgeAfter = purgeDayFrom(now, intake!.retentionMonths);
    await moveToStage(tx, app!, 'withdrawn', { byUserId: null, now });
    await tx.update(applications).set({ withdrawnAt: now, purgeAfter }).where(eq(applications.id, id));
    const calendarCancel = await cancelComingInterview(svc, tx, id, null);
    await auditApplicant(tx, app!, now, 'application.withdraw', { from: app!.stage });
    const withdrawn = await statusViewOf(tx, svc, { ...app!, stage: 'withdrawn', withdrawnAt: now, purgeAfter });
    const params = {
      name: withdrawn.name,
      intake: withdrawn.intakeTitle,
      tenant: withdrawn.tenantName,
      reference: app!.reference,
      link: statusUrlFor(svc, app!),
      purgeDate: formatDay(app!.locale, purgeAfter),
    };
    await svc.mailer.enqueue(tx, {
      tenantId: app!.tenantId,
      to: app!.email,
      subject: recruitmentText(app!.locale, 'withdrawn.subject', params),
      text: recruitmentText(app!.locale, 'withdrawn.body', params),
      // A coming interview leaves the applicant's calendar too.
      attachments: calendarCancel ? [calendarCancel] : [],
    });
    return withdrawn;
  });
  svc.mailer.kick();
  return view;
}

/** Everything held about the application, for its applicant; audited like any read of a letter. */
export async function exportApplication(svc: Services, token: string | null): Promise<ApplicationExport> {
  const app = await getApplicationByToken(svc.db, token);
  return svc.db.transaction(async (tx) => {
    await auditApplicant(tx, app, svc.now(), 'application.export');
    return collectApplicationExport(tx, svc.keyring, app, svc.now());
  });
}

/** The applicant's erasure: the application and all in it at once; the audit keeps counts only. */
export async function eraseApplication(svc: Services, token: string | null): Promise<void> {
  const app = await getApplicationByToken(svc.db, token);
  await svc.db.transaction(async (tx) => {
    const applicationsErased = await purgeApplications(tx, [app.id]);
    await auditApplicant(tx, app, svc.now(), 'application.erase', { applications: applicationsErased });
  });
}

/**
 * E-mails the personal link of every application made with this address. The answer is the same
 * whether or not the address applied, so nobody learns who did.
 */
export async function resendLinks(svc: Services, email: string): Promise<void> {
  const rows = await svc.db
    .select({ app: applications, intakeTitle: intakes.title, name: persons.fullName })
    .from(applications)
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .innerJoin(persons, eq(persons.id, applications.personId))
    .where(eq(applications.email, normalizeEmail(email)));
  if (rows.length === 0) return;
  await svc.db.transaction(async (tx) => {
    for (const r of rows) await mailApplicant(tx, svc, r.app, r.app.locale, 'mail.link.subject', 'mail.link.body', { name: r.name, intake: r.intakeTitle });
  });
  svc.mailer.kick();
}
