import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail, SECOND_TRAINER } from '../../demo/seed.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { mailTo } from '../recruitment/applications.test-support.ts';
import { flagReasonsOf } from './checkins.service.ts';
import { checkins } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';
import { cohortWithParticipants, type SignedInParticipant, type Team } from './training-work.test-support.ts';

let t: TestApp;
let team: Team;
let cohortId: string;
let ann: SignedInParticipant;
let bo: SignedInParticipant;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  const made = await cohortWithParticipants(t, team, ['Ann Andersson', 'Bo Berg']);
  cohortId = made.cohort.id;
  [ann, bo] = made.people as [SignedInParticipant, SignedInParticipant];
});
afterAll(() => t.close());

const checkIn = (cookie: string, payload: object) => t.app.inject({ method: 'PUT', url: '/api/check-ins', payload, headers: asBrowser(cookie) });
const alerts = async () => (await mailTo(t, demoEmail('trainer'))).filter((m) => m.subject.includes('veckoavstämning'));

describe('when a check-in is flagged', () => {
  const steady = { wellbeing: 4, energy: 4, belonging: 4, coping: 4 };
  it('flags a low answer on its own, and drops of the sum or of one answer against the previous check-in', () => {
    expect(flagReasonsOf(steady, null)).toEqual([]);
    expect(flagReasonsOf({ ...steady, coping: 2 }, null)).toEqual(['low_answer']);
    expect(flagReasonsOf({ wellbeing: 3, energy: 3, belonging: 4, coping: 3 }, steady)).toEqual(['sum_dropped']);
    expect(flagReasonsOf({ ...steady, energy: 3 }, { ...steady, energy: 5 })).toEqual(['answer_dropped']);
    expect(flagReasonsOf({ wellbeing: 3, energy: 3, belonging: 3, coping: 3 }, steady)).toEqual(['sum_dropped']);
    expect(flagReasonsOf({ ...steady, energy: 3 }, steady)).toEqual([]);
  });
});

describe('weekly check-ins', () => {
  it('takes a check-in only for a study week that has started, with a field error on the week', async () => {
    const reflection = await checkIn(ann.cookie, { week: 2, answers: { wellbeing: 4, energy: 4, belonging: 4, coping: 4 } });
    expect(reflection.statusCode).toBe(400);
    expect(Object.keys(reflection.json().error.fields)).toEqual(['week']);
    const future = await checkIn(ann.cookie, { week: 5, answers: { wellbeing: 4, energy: 4, belonging: 4, coping: 4 } });
    expect(future.statusCode).toBe(400);
    expect(Object.keys(future.json().error.fields)).toEqual(['week']);
    const outOfScale = await checkIn(ann.cookie, { week: 1, answers: { wellbeing: 6, energy: 4, belonging: 4, coping: 4 } });
    expect(outOfScale.statusCode).toBe(400);
    expect((await checkIn(team.tove, { week: 1, answers: { wellbeing: 4, energy: 4, belonging: 4, coping: 4 } })).statusCode).toBe(403);
  });

  it('flags a drop with its reasons and alerts the team by e-mail without the answers or the comment', async () => {
    const before = (await alerts()).length;
    const week1 = await checkIn(ann.cookie, { week: 1, answers: { wellbeing: 5, energy: 5, belonging: 4, coping: 4 }, comment: 'En bra start, trött men glad.' });
    expect(week1.statusCode).toBe(200);
    expect(await alerts()).toHaveLength(before);

    const comment = 'Sömnen har blivit sämre sedan förra veckan.';
    const week3 = await checkIn(ann.cookie, { week: 3, answers: { wellbeing: 4, energy: 3, belonging: 4, coping: 3 }, comment });
    expect(week3.statusCode).toBe(200);
    // The participant's own answer never carries the flag.
    expect(week3.json()).toEqual({ id: expect.any(String), week: 3, answers: { wellbeing: 4, energy: 3, belonging: 4, coping: 3 }, comment, submittedAt: expect.any(String) });
    const [row] = await t.svc.db.select().from(checkins).where(eq(checkins.id, week3.json().id));
    expect(row).toMatchObject({ flagged: true, flagReasons: ['sum_dropped', 'answer_dropped'] });
    expect(row!.commentEncrypted).toMatch(/^v1\./);

    const mails = await alerts();
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toBe('En veckoavstämning behöver er uppmärksamhet');
    expect(mails.at(-1)!.text).toContain(`/training/participants/${ann.id}`);
    expect(mails.at(-1)!.text).not.toMatch(/Sömnen|Ann Andersson|wellbeing|\b[1-5]\b/);
    expect((await mailTo(t, SECOND_TRAINER.email)).some((m) => m.subject === 'En veckoavstämning behöver er uppmärksamhet')).toBe(true);
  });

  it('keeps a raised flag when the participant sends the week again, without a second alert', async () => {
    const count = (await alerts()).length;
    const again = await checkIn(ann.cookie, { week: 3, answers: { wellbeing: 5, energy: 5, belonging: 4, coping: 4 } });
    expect(again.statusCode).toBe(200);
    const [row] = await t.svc.db.select().from(checkins).where(eq(checkins.id, again.json().id));
    expect(row).toMatchObject({ flagged: true, answers: { wellbeing: 5, energy: 5, belonging: 4, coping: 4 } });
    expect(await alerts()).toHaveLength(count);
  });

  it('lists flagged check-ins for the team with names, audits reading the comments, and marks a flag as seen', async () => {
    await checkIn(bo.cookie, { week: 1, answers: { wellbeing: 4, energy: 4, belonging: 4, coping: 4 }, comment: 'Allt väl.' });
    const list = await t.app.inject({ url: `/api/check-ins?cohortId=${cohortId}&flagged=true`, headers: { cookie: team.tove } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const [flagged] = list.json().items;
    expect(flagged).toMatchObject({ participantName: 'Ann Andersson', week: 3, flagged: true, flagReasons: ['sum_dropped', 'answer_dropped'], flagSeenAt: null });
    const all = await t.app.inject({ url: `/api/check-ins?cohortId=${cohortId}`, headers: { cookie: team.tove } });
    expect(all.json().items.map((c: { participantName: string; week: number }) => `${c.participantName} ${c.week}`).sort()).toEqual(['Ann Andersson 1', 'Ann Andersson 3', 'Bo Berg 1']);
    const reads = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'checkin.read'), eq(auditEvents.subjectPersonId, bo.personId)));
    expect(reads.length).toBeGreaterThanOrEqual(1);

    const seen = await t.app.inject({ method: 'POST', url: `/api/check-ins/${flagged.id}/seen`, headers: asBrowser(team.tage) });
    expect(seen.json()).toMatchObject({ flagSeenAt: t.clock.now().toISOString(), flagSeenByName: 'Tage Utbildare' });
    expect((await t.app.inject({ url: '/api/check-ins?flagged=true', headers: { cookie: ann.cookie } })).statusCode).toBe(403);
  });
});
