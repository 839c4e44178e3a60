import PDFDocument from 'pdfkit';
import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { locales, type Locale } from '../../../shared/i18n/locale.ts';
import {
  applicationStages,
  decisions,
  letterPrompts,
  letterText,
  reviewRatings,
  selfRatings,
  slotView,
  timelineEntry,
  tracks,
  type LetterText,
  type LocalizedText,
  type SelfAssessment,
} from '../../../shared/contracts/recruitment.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import {
  applicationEvents,
  applicationFiles,
  applicationReviews,
  applications,
  intakes,
  interviewScores,
  interviewSlots,
  interviews,
} from './recruitment.tables.ts';
import { formatTime, publicText, type PublicTextKey } from './public.texts.ts';
import { formatDay } from './decision.texts.ts';
import { toSlotView } from './interviews.repo.ts';

const labelled = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, label: z.string() });

/**
 * Everything held about one application, for the applicant (GDPR art. 15): their own words, and
 * what the team wrote about them (ratings, notes, interview scores), which is their data too. The
 * uploaded file is described, not included; the reviewers are numbered, not named.
 */
export const applicationExport = z.object({
  exportedAt: z.string(),
  reference: z.string(),
  organisation: z.string(),
  intake: z.object({ title: z.string(), courseName: z.string() }),
  locale: z.enum(locales),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable(), municipality: z.string() }),
  track: z.enum(tracks),
  submittedAt: z.string(),
  updatedAt: z.string(),
  consent: z.object({ at: z.string(), version: z.string() }),
  workingGoalAcknowledged: z.boolean(),
  letter: letterText.nullable(),
  letterFile: z.object({ filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }).nullable(),
  selfAssessment: z.array(labelled({ criterionId: z.string(), rating: z.enum(selfRatings), comment: z.string() })),
  stage: z.enum(applicationStages),
  timeline: z.array(timelineEntry),
  interview: slotView.nullable(),
  reviews: z.array(z.object({
    ratings: z.array(labelled({ criterionId: z.string(), rating: z.enum(reviewRatings) })),
    notes: z.string(),
    submittedAt: z.string().nullable(),
  })),
  interviewScores: z.array(z.object({
    questionScores: z.array(labelled({ questionId: z.string(), score: z.number().int() })),
    criterionScores: z.array(labelled({ criterionId: z.string(), score: z.number().int() })),
    notes: z.string(),
    submittedAt: z.string().nullable(),
  })),
  decision: z.object({ decision: z.enum(decisions), letter: z.string(), decidedAt: z.string() }).nullable(),
  purgeAfter: z.string().nullable(),
});
export type ApplicationExport = z.infer<typeof applicationExport>;

type ApplicationRow = typeof applications.$inferSelect;

/** The reader's language first, then whichever language the team wrote. */
export const textIn = (text: LocalizedText, locale: Locale): string => text[locale] || text.sv || text.da || text.en || '';

export async function timelineOf(db: Db, applicationId: string) {
  const rows = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.at));
  return rows.map((e) => ({ stage: e.toStage, at: e.at.toISOString() }));
}

export async function bookedInterviewOf(db: Db, applicationId: string) {
  const [row] = await db
    .select({ interviewId: interviews.id, slot: interviewSlots })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(eq(interviews.applicationId, applicationId));
  return row ?? null;
}

/** Gathers the export; the caller audits the read. */
export async function collectApplicationExport(db: Db, keyring: Keyring, app: ApplicationRow, now: Date): Promise<ApplicationExport> {
  const [head] = await db
    .select({ intake: intakes, organisation: tenants.name, person: persons })
    .from(intakes)
    .innerJoin(tenants, eq(tenants.id, intakes.tenantId))
    .innerJoin(persons, eq(persons.id, app.personId))
    .where(eq(intakes.id, app.intakeId));
  const { intake, organisation, person } = head!;
  const criterion = (id: string) => textIn(intake.criteria.find((c) => c.id === id)?.label ?? {}, app.locale) || id;
  const question = (id: string) => textIn(intake.questions.find((q) => q.id === id)?.text ?? {}, app.locale) || id;
  const decrypt = (v: string | null) => (v ? keyring.decrypt(v) : '');

  const [file] = await db
    .select({ filename: applicationFiles.filename, mimeType: applicationFiles.mimeType, sizeBytes: applicationFiles.sizeBytes })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, app.id));
  const reviews = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id)).orderBy(asc(applicationReviews.updatedAt));
  const booked = await bookedInterviewOf(db, app.id);
  const scores = booked
    ? await db.select().from(interviewScores).where(eq(interviewScores.interviewId, booked.interviewId)).orderBy(asc(interviewScores.updatedAt))
    : [];
  const selfAssessment = JSON.parse(keyring.decrypt(app.selfAssessmentEncrypted)) as SelfAssessment[];

  return {
    exportedAt: now.toISOString(),
    reference: app.reference,
    organisation,
    intake: { title: intake.title, courseName: intake.courseName },
    locale: app.locale,
    contact: { name: person.fullName, email: app.email, phone: person.phone, municipality: app.municipality },
    track: app.track,
    submittedAt: app.submittedAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    consent: { at: app.consentAt.toISOString(), version: app.consentVersion },
    workingGoalAcknowledged: app.workingGoalAcknowledged,
    letter: app.letterEncrypted ? (JSON.parse(keyring.decrypt(app.letterEncrypted)) as LetterText) : null,
    letterFile: file ?? null,
    selfAssessment: selfAssessment.map((s) => ({ ...s, label: criterion(s.criterionId) })),
    stage: app.stage,
    timeline: await timelineOf(db, app.id),
    interview: booked ? toSlotView(booked.slot) : null,
    reviews: reviews.map((r) => ({
      ratings: r.ratings.map((x) => ({ ...x, label: criterion(x.criterionId) })),
      notes: decrypt(r.notesEncrypted),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
    interviewScores: scores.map((s) => ({
      questionScores: s.questionScores.map((x) => ({ ...x, label: question(x.questionId) })),
      criterionScores: s.criterionScores.map((x) => ({ ...x, label: criterion(x.criterionId) })),
      notes: decrypt(s.notesEncrypted),
      submittedAt: s.submittedAt?.toISOString() ?? null,
    })),
    decision: app.decision && app.decidedAt ? { decision: app.decision, letter: decrypt(app.decisionLetterEncrypted), decidedAt: app.decidedAt.toISOString() } : null,
    purgeAfter: app.purgeAfter,
  };
}

/** The export as an A4 PDF in the application's language: headings, then the text, wrapped. */
export function renderExportPdf(d: ApplicationExport): Promise<Buffer> {
  const t = (key: PublicTextKey, params?: Record<string, string | number>) => publicText(d.locale, key, params);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('pdf.title', { reference: d.reference }) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(printable(text)).moveDown(0.3).font('Helvetica').fontSize(10.5);
  const subheading = (text: string) => doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10.5).text(printable(text)).font('Helvetica');
  const field = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${printable(label)}: `, { continued: true }).font('Helvetica').text(printable(value));
  const paragraph = (text: string) => doc.text(printable(text || t('pdf.none')), { paragraphGap: 4 });
  const day = (iso: string) => formatDay(d.locale, iso.slice(0, 10));

  doc.font('Helvetica-Bold').fontSize(18).text(printable(t('pdf.title', { reference: d.reference })));
  doc.moveDown(0.3).font('Helvetica').fontSize(10.5);
  paragraph(t('pdf.intro', { tenant: d.organisation, intake: `${d.intake.title} (${d.intake.courseName})`, date: day(d.exportedAt) }));

  heading(t('pdf.contact'));
  field(t('pdf.name'), d.contact.name);
  field(t('pdf.email'), d.contact.email);
  field(t('pdf.phone'), d.contact.phone || t('pdf.none'));
  field(t('pdf.municipality'), d.contact.municipality);
  field(t('pdf.track'), t(`pdf.track.${d.track}` as const));
  field(t('pdf.submitted'), formatTime(d.locale, new Date(d.submittedAt)));
  field(t('pdf.consent'), t('pdf.consent_value', { date: day(d.consent.at), version: d.consent.version }));
  field(t('pdf.working_goal'), d.workingGoalAcknowledged ? t('pdf.yes') : t('pdf.no'));

  heading(t('pdf.letter'));
  for (const prompt of letterPrompts) {
    if (!d.letter?.[prompt]) continue;
    subheading(t(`pdf.letter.${prompt}` as const));
    paragraph(d.letter[prompt]);
  }
  if (d.letterFile) field(t('pdf.letter_file'), `${d.letterFile.filename} (${d.letterFile.mimeType}, ${Math.ceil(d.letterFile.sizeBytes / 1024)} kB)`);
  if (!d.letterFile && !d.letter) paragraph('');

  heading(t('pdf.self_assessment'));
  for (const s of d.selfAssessment) {
    field(s.label, t(`pdf.rating.${s.rating}` as const));
    if (s.comment) paragraph(s.comment);
  }

  heading(t('pdf.timeline'));
  for (const e of d.timeline) field(formatTime(d.locale, new Date(e.at)), t(`pdf.stage.${e.stage}` as const));

  heading(t('pdf.interview'));
  if (d.interview) {
    const where = d.interview.mode === 'video' ? d.interview.videoUrl : d.interview.location;
    field(formatTime(d.locale, new Date(d.interview.startsAt)), [t(`pdf.mode.${d.interview.mode}` as const), where].filter(Boolean).join(', '));
  } else paragraph('');

  heading(t('pdf.reviews'));
  if (d.reviews.length === 0) paragraph('');
  d.reviews.forEach((r, i) => {
    subheading(`${t('pdf.review_n', { n: i + 1 })}${r.submittedAt ? '' : ` (${t('pdf.draft')})`}`);
    for (const x of r.ratings) field(x.label, t(`pdf.review.${x.rating}` as const));
    if (r.notes) field(t('pdf.notes'), r.notes);
  });

  heading(t('pdf.scores'));
  if (d.interviewScores.length === 0) paragraph('');
  d.interviewScores.forEach((s, i) => {
    subheading(`${t('pdf.score_n', { n: i + 1 })}${s.submittedAt ? '' : ` (${t('pdf.draft')})`}`);
    for (const x of [...s.questionScores, ...s.criterionScores]) field(x.label, String(x.score));
    if (s.notes) field(t('pdf.notes'), s.notes);
  });

  heading(t('pdf.decision'));
  if (d.decision) {
    subheading(`${t(`pdf.stage.${d.decision.decision}` as const)}, ${day(d.decision.decidedAt)}`);
    paragraph(d.decision.letter);
  } else paragraph('');
  if (d.purgeAfter) field(t('pdf.purge_after'), formatDay(d.locale, d.purgeAfter));

  doc.end();
  return done;
}

// The PDF's built-in fonts know only Windows-1252, and pdfkit prints anything else as garbage that
// spoils the rest of the line. Such a character is written as its base letter (ő → o) or as "?";
// the JSON export keeps every character as it was written.
const OUTSIDE_WIN_ANSI = '[^\\t\\n\\x20-\\x7e\\xa0-\\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
const outsideWinAnsi = new RegExp(OUTSIDE_WIN_ANSI, 'u');
const noBase: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i' };
export const printable = (text: string): string =>
  text.replace(/\r/g, '').replace(new RegExp(OUTSIDE_WIN_ANSI, 'gu'), (ch) => {
    const base = noBase[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '');
    return base && !outsideWinAnsi.test(base) ? base : '?';
  });
