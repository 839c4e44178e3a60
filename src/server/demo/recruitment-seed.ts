import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Keyring } from '../lib/crypto.ts';
import type { ApplicationStage, Decision, LetterText, Track } from '../../shared/contracts/recruitment.ts';
import { persons, personStages } from '../modules/persons/persons.tables.ts';
import { tenants } from '../modules/tenants/tenants.tables.ts';
import { formatDay, letterKey, recruitmentText } from '../modules/recruitment/decision.texts.ts';
import { newStatusToken } from '../modules/recruitment/application-token.ts';
import { defaultCriteria, defaultQuestions } from '../modules/recruitment/intake-defaults.ts';
import { addMonths, dayOf } from '../modules/recruitment/recruitment.policy.ts';
import {
  applicationEvents,
  applicationFiles,
  applicationReviews,
  applications,
  intakes,
  interviews,
  interviewScores,
  interviewSlots,
} from '../modules/recruitment/recruitment.tables.ts';

const COURSE = 'PEER Support-utbildning';

type Opts = { tenantId: string; trainerUserIds: string[]; keyring: Keyring; now: Date };

/** Fictional letters in the five parts the form asks for (seed 002). No real person's story. */
const letters: LetterText[] = [
  {
    about: 'Jag är 41 år, bor med min son och två katter och tycker om att baka och gå långa promenader. Jag har arbetat i butik i många år.',
    experience: 'I tjugoårsåldern fick jag en depression som kom tillbaka flera gånger. Jag har varit inlagd två gånger och haft kontakt med öppenvården i flera år.',
    turningPoints: 'Vändpunkten kom när en skötare frågade vad jag själv ville med mitt liv, inte bara hur jag mådde. En samtalsgrupp med andra som varit i samma situation gav mig hopp.',
    whyRole: 'Jag vet hur ensamt det kan kännas på en avdelning. Jag vill vara den som visar att det går att hitta tillbaka, på sitt eget sätt.',
    fit: 'Jag är lugn, lyssnar mer än jag pratar och har lärt mig mycket om mina egna gränser. Jag har som mål att arbeta halvtid till att börja med.',
  },
  {
    about: 'Jag är 29 år och pluggar på distans. På fritiden spelar jag bas i ett band och tränar klättring.',
    experience: 'Jag har levt med ångest och tvång sedan tonåren och har fått hjälp både inom barn- och vuxenpsykiatrin. Under en period bodde jag på ett stödboende.',
    turningPoints: 'Det viktigaste var att få en diagnos som förklarade mycket, och en kontaktperson som inte gav upp. Jag har också fått kämpa med Försäkringskassan, vilket lärde mig att stå på mig.',
    whyRole: 'Jag vill använda det jag varit med om till något bra, och visa personalen hur vården kan kännas från andra sidan.',
    fit: 'Jag är nyfiken, rak och har lätt att prata med människor. Jag kan dela min berättelse utan att den tar över samtalet.',
  },
  {
    about: 'Jag är 56 år och mamma till en vuxen dotter. Jag har arbetat som undersköterska inom äldreomsorgen.',
    experience: 'Min dotter insjuknade i psykos när hon var nitton. Som anhörig har jag varit med på möten, väntat i akutens korridorer och försökt förstå ett system som inte alltid ville förstå oss.',
    turningPoints: 'En anhörigförening gav mig kunskap och andra att dela med. När jag började ta hand om mig själv blev jag också ett bättre stöd för min dotter.',
    whyRole: 'Jag vill stötta andra anhöriga i början, när allt är som mest förvirrande, och berätta att det finns hjälp att få.',
    fit: 'Jag är van vid vård och har tålamod. Jag kan lyssna utan att döma och vet när jag behöver ta en paus.',
  },
];

const reviewNotes = ['Tydlig berättelse om vändpunkter och återhämtning. Vill höra mer om stödet runt omkring i dag.', 'Reflekterar väl över egna gränser. Bra förståelse för rollen.'];
const scoreNotes = ['Lugn och eftertänksam i scenariot om ilska. Bra exempel från egen erfarenhet.', 'Tydlig om hur hen tar hand om sig själv efter tunga samtal.'];

/** A minimal one-page PDF: the demo's letter uploaded as a file instead of written in the form. */
function tinyPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

type Demo = {
  name: string;
  municipality: string;
  track?: Track;
  /** Days relative to `now` (negative: in the past) of each stage reached, in order. */
  path: [ApplicationStage, number][];
  /** Submitted reviews by the first n trainers. */
  reviews?: number;
  /** Index of the intake's slot booked; its interviewers score it when it lies in the past. */
  slot?: number;
  decision?: Decision;
  asFile?: boolean;
};

/** Loads two intakes of the demo tenant: an open one with applications in every stage, and a decided one. */
export async function seedRecruitmentDemo(tx: Db, { tenantId, trainerUserIds, keyring, now }: Opts): Promise<void> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // Interviews and events at 09:00 UTC (10:00 in Sweden and Denmark) on a day relative to today.
  const dayAt = (days: number, hourUtc = 9) => new Date(midnight + days * 86_400_000 + hourUtc * 3_600_000);
  let serial = 0;
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));

  async function seedIntake(spec: { title: string; status: 'open' | 'closed'; deadline: number; created: number; slots: [number, number, 'place' | 'video'][]; applicants: Demo[] }) {
    const [intake] = await tx
      .insert(intakes)
      .values({
        tenantId,
        title: spec.title,
        courseName: COURSE,
        description: 'Fem veckor: vecka 1, 3 och 5 är studieveckor på plats, vecka 2 och 4 är för reflektion, återhämtning och hemuppgifter. Utbildningen är kostnadsfri.',
        tracks: ['own_experience', 'relative'],
        deadline: dayAt(spec.deadline, 22),
        places: 16,
        criteria: [...defaultCriteria],
        questions: [...defaultQuestions],
        status: spec.status,
        createdBy: trainerUserIds[0],
        createdAt: dayAt(spec.created),
        updatedAt: dayAt(spec.created),
      })
      .returning();
    const slots = await tx
      .insert(interviewSlots)
      .values(
        spec.slots.map(([days, hourUtc, mode]) => ({
          tenantId,
          intakeId: intake!.id,
          startsAt: dayAt(days, hourUtc),
          endsAt: dayAt(days, hourUtc + 1),
          mode,
          location: mode === 'place' ? 'Utbildningslokalen, Storgatan 1' : null,
          videoUrl: mode === 'video' ? 'https://video.example.org/peer-intervju' : null,
          interviewerUserIds: trainerUserIds,
          createdAt: dayAt(spec.created),
        })),
      )
      .returning();

    for (const [i, a] of spec.applicants.entries()) {
      serial += 1;
      const submittedAt = dayAt(a.path[0]![1], 8 + (i % 6));
      const email = `${a.name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}@example.org`;
      const [person] = await tx
        .insert(persons)
        .values({ tenantId, fullName: a.name, email, phone: i % 3 === 0 ? null : `070-000 ${String(10 + serial).padStart(2, '0')} ${String(serial).padStart(2, '0')}`, preferredLocale: 'sv', createdAt: submittedAt, updatedAt: submittedAt })
        .returning({ id: persons.id });
      const stage = a.path.at(-1)![0];
      const decidedAt = a.decision ? dayAt(a.path.at(-1)![1], 13) : null;
      const withdrawnAt = stage === 'withdrawn' ? dayAt(a.path.at(-1)![1], 11) : null;
      const endAt = decidedAt ?? withdrawnAt;
      const purgeAfter = a.decision === 'not_admitted' || withdrawnAt ? addMonths(dayOf(endAt!), 12) : null;
      await tx.insert(personStages).values({ tenantId, personId: person!.id, kind: 'applicant', startedOn: dayOf(submittedAt), endedOn: a.decision === 'admitted' ? dayOf(decidedAt!) : null });
      const letterIdx = a.track === 'relative' ? 2 : i % 2;
      const { token, hash } = newStatusToken();
      const selfAssessment = defaultCriteria.map((c, k) => ({
        criterionId: c.id,
        rating: c.level === 'plus' && i % 2 ? 'no' : k === 4 && i % 3 === 0 ? 'partly' : 'yes',
        comment: k === 0 ? 'Se mitt brev.' : '',
      }));
      const [app] = await tx
        .insert(applications)
        .values({
          tenantId,
          intakeId: intake!.id,
          personId: person!.id,
          reference: `PB-DEMO-${String(serial).padStart(4, '0')}`,
          email,
          municipality: a.municipality,
          track: a.track ?? 'own_experience',
          locale: 'sv',
          letterEncrypted: a.asFile ? null : keyring.encrypt(JSON.stringify(letters[letterIdx])),
          selfAssessmentEncrypted: keyring.encrypt(JSON.stringify(selfAssessment)),
          workingGoalAcknowledged: true,
          consentAt: submittedAt,
          consentVersion: '2026-11',
          stage,
          statusTokenHash: hash,
          statusTokenEncrypted: keyring.encrypt(token),
          submittedAt,
          updatedAt: endAt ?? submittedAt,
          decision: a.decision ?? null,
          decidedAt,
          decidedBy: a.decision ? trainerUserIds[0] : null,
          decisionLetterEncrypted: a.decision
            ? keyring.encrypt(recruitmentText('sv', letterKey(a.decision), { name: a.name, intake: spec.title, course: COURSE, tenant: tenant!.name, purgeDate: purgeAfter ? formatDay('sv', purgeAfter) : '' }))
            : null,
          withdrawnAt,
          purgeAfter,
        })
        .returning({ id: applications.id });
      const appId = app!.id;
      await tx.insert(applicationEvents).values(
        a.path.map(([to, days], k) => ({
          tenantId,
          applicationId: appId,
          fromStage: k === 0 ? null : a.path[k - 1]![0],
          toStage: to,
          byUserId: k === 0 ? null : trainerUserIds[k % trainerUserIds.length],
          at: k === 0 ? submittedAt : dayAt(days, to === 'interviewed' ? 15 : 13),
        })),
      );
      if (a.asFile) {
        const pdf = tinyPdf('Personligt brev - se bifogad ansokan');
        await tx.insert(applicationFiles).values({ tenantId, applicationId: appId, filename: 'personligt-brev.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, contentEncrypted: keyring.encrypt(pdf.toString('base64')), createdAt: submittedAt });
      }
      const reviewers = trainerUserIds.slice(0, a.reviews ?? 0);
      if (reviewers.length) {
        await tx.insert(applicationReviews).values(
          reviewers.map((reviewerUserId, k) => ({
            tenantId,
            applicationId: appId,
            reviewerUserId,
            ratings: defaultCriteria.map((c) => ({ criterionId: c.id, rating: c.level === 'plus' && (i + k) % 2 ? ('not_met' as const) : ('met' as const) })),
            notesEncrypted: keyring.encrypt(reviewNotes[k % reviewNotes.length]!),
            submittedAt: dayAt(a.path[0]![1] + 2 + k, 14),
            updatedAt: dayAt(a.path[0]![1] + 2 + k, 14),
          })),
        );
      }
      if (a.slot === undefined) continue;
      const slot = slots[a.slot]!;
      const [interview] = await tx
        .insert(interviews)
        .values({ tenantId, applicationId: appId, slotId: slot.id, bookedBy: i % 2 ? 'applicant' : 'team', createdAt: submittedAt, updatedAt: submittedAt })
        .returning({ id: interviews.id });
      if (slot.startsAt > now) continue;
      await tx.insert(interviewScores).values(
        trainerUserIds.map((interviewerUserId, k) => ({
          tenantId,
          interviewId: interview!.id,
          interviewerUserId,
          questionScores: defaultQuestions.map((q, n) => ({ questionId: q.id, score: 3 + ((i + k + n) % 3) })),
          criterionScores: defaultCriteria.map((c, n) => ({ criterionId: c.id, score: 3 + ((i + n) % 3) })),
          notesEncrypted: keyring.encrypt(scoreNotes[k % scoreNotes.length]!),
          submittedAt: new Date(slot.endsAt.getTime() + 3_600_000),
          updatedAt: new Date(slot.endsAt.getTime() + 3_600_000),
        })),
      );
    }
  }

  // Open now: a rolling selection; the first interviews are done and some decisions taken.
  await seedIntake({
    title: 'PEER-utbildning våren 2027',
    status: 'open',
    deadline: 21,
    created: -40,
    // Past slots of held interviews, then the coming two weeks (most of them still free).
    slots: [[-12, 9, 'place'], [-11, 9, 'place'], [-10, 9, 'place'], [-2, 12, 'video'], [2, 9, 'place'], [2, 10, 'place'], [4, 12, 'video'], [7, 9, 'place'], [9, 12, 'place'], [13, 9, 'video']],
    applicants: [
      { name: 'Linnea Berglund', municipality: 'Jönköping', path: [['received', -3]] },
      { name: 'Omar Haddad', municipality: 'Värnamo', track: 'relative', path: [['received', -2]] },
      { name: 'Sofia Lindqvist', municipality: 'Nässjö', path: [['received', -1]], asFile: true },
      { name: 'Johan Ek', municipality: 'Jönköping', path: [['received', -8], ['under_review', -6]], reviews: 1 },
      { name: 'Maja Nordin', municipality: 'Tranås', path: [['received', -9], ['under_review', -7]], reviews: 2 },
      { name: 'Erik Sandberg', municipality: 'Vetlanda', path: [['received', -18], ['under_review', -16], ['interview_invited', -6]], reviews: 2 },
      { name: 'Hanna Lund', municipality: 'Eksjö', track: 'relative', path: [['received', -17], ['under_review', -15], ['interview_invited', -6]], reviews: 2, slot: 4 },
      { name: 'Karin Wallin', municipality: 'Gislaved', path: [['received', -24], ['under_review', -22], ['interview_invited', -16], ['interviewed', -10]], reviews: 2, slot: 2 },
      { name: 'Ahmed Yusuf', municipality: 'Jönköping', path: [['received', -20], ['under_review', -18], ['interview_invited', -9], ['interviewed', -2]], reviews: 2, slot: 3 },
      { name: 'Elin Forsberg', municipality: 'Habo', path: [['received', -25], ['under_review', -23], ['interview_invited', -18], ['interviewed', -12], ['admitted', -6]], reviews: 2, slot: 0, decision: 'admitted' },
      { name: 'Nils Holm', municipality: 'Mullsjö', path: [['received', -23], ['under_review', -21], ['interview_invited', -17], ['interviewed', -11], ['waitlisted', -5]], reviews: 2, slot: 1, decision: 'waitlisted' },
      { name: 'Ida Strand', municipality: 'Aneby', path: [['received', -22], ['under_review', -20], ['not_admitted', -8]], reviews: 2, decision: 'not_admitted' },
      { name: 'Viktor Åberg', municipality: 'Sävsjö', path: [['received', -15], ['under_review', -13], ['interview_invited', -7], ['withdrawn', -4]], reviews: 2 },
    ],
  });

  // Last autumn's intake, decided: the funnel's "days from interview to decision" has data.
  const decided = (name: string, municipality: string, slot: number, afterDays: number, decision: Decision): Demo => {
    const interview = -70 + slot;
    return {
      name,
      municipality,
      path: [['received', -110 + slot], ['under_review', -100], ['interview_invited', -85], ['interviewed', interview], [decision, interview + afterDays]],
      reviews: 2,
      slot,
      decision,
    };
  };
  await seedIntake({
    title: 'PEER-utbildning hösten 2026',
    status: 'closed',
    deadline: -90,
    created: -140,
    slots: [0, 1, 2, 3, 4, 5].map((d): [number, number, 'place'] => [-70 + d, 9, 'place']),
    applicants: [
      decided('Lars Bergström', 'Jönköping', 0, 3, 'admitted'),
      decided('Amanda Sjöberg', 'Huskvarna', 1, 5, 'admitted'),
      decided('Reza Karimi', 'Värnamo', 2, 6, 'admitted'),
      decided('Emma Håkansson', 'Nässjö', 3, 8, 'waitlisted'),
      decided('Petra Nyström', 'Gnosjö', 4, 4, 'not_admitted'),
      decided('Oskar Lindahl', 'Vaggeryd', 5, 7, 'not_admitted'),
    ],
  });
}
