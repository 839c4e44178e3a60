import { eq } from 'drizzle-orm';
import { asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import { hashPassword } from '../auth/password.ts';
import { users } from '../users/users.tables.ts';
import type { ReflectionTaskView } from '../../../shared/contracts/training-work.ts';
import type { AttendanceStatus, CohortCreated, ParticipantView } from '../../../shared/contracts/training.ts';
import { attendance, trainingSessions } from './training.tables.ts';
import { makeCohort, makeParticipant, teamOf } from './training.test-support.ts';

/**
 * Helpers for the training-work tests: a cohort in week 3 (T1's factories), participants who can
 * sign in, tasks and attendance. Attendance is written straight into the table: these tests are
 * about what it leads to (completion), not about taking it.
 */

export type Team = Awaited<ReturnType<typeof teamOf>>;
export type SignedInParticipant = ParticipantView & { cookie: string };

/** A participant placed by the team who has chosen a password and signed in. */
export async function signedInParticipant(t: TestApp, team: Team, cohortId: string, who: { name?: string } = {}): Promise<SignedInParticipant> {
  const p = await makeParticipant(t, team.tove, cohortId, who);
  await t.svc.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.id, p.userId!));
  return { ...p, cookie: await t.signIn(p.email!) };
}

export async function cohortWithParticipants(t: TestApp, team: Team, names: string[]): Promise<{ cohort: CohortCreated; people: SignedInParticipant[] }> {
  const cohort = await makeCohort(t, team.tove);
  const people: SignedInParticipant[] = [];
  for (const name of names) people.push(await signedInParticipant(t, team, cohort.id, { name }));
  return { cohort, people };
}

export async function makeTask(t: TestApp, cookie: string, cohortId: string, overrides: { week?: number; title?: string; dueOn?: string } = {}): Promise<ReflectionTaskView> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reflection-tasks',
    headers: asBrowser(cookie),
    payload: { cohortId, week: 2, title: 'Min väg hit', instructions: 'Skriv en sida om en vändpunkt i din återhämtning.', dueOn: '2026-11-20', ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`task not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Marks the first `count(sessions)` sessions of the cohort with `status` for the participant, the rest absent. */
export async function setAttendance(t: TestApp, p: { id: string; cohortId: string; tenantId: string }, countOf: (sessions: number) => number, status: AttendanceStatus = 'present'): Promise<number> {
  const sessions = await t.svc.db.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.cohortId, p.cohortId)).orderBy(trainingSessions.startsAt);
  const count = countOf(sessions.length);
  await t.svc.db.delete(attendance).where(eq(attendance.participantId, p.id));
  await t.svc.db.insert(attendance).values(sessions.map((s, i) => ({ tenantId: p.tenantId, sessionId: s.id, participantId: p.id, status: i < count ? status : ('absent' as const), recordedAt: t.clock.now() })));
  return sessions.length;
}

/** A hand-in as a browser's FormData sends it: the text field and the file. */
export async function handInForm(text: string | undefined, file?: { name: string; content: Buffer; type?: string }) {
  const form = new FormData();
  if (text !== undefined) form.append('text', text);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'PUT', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}
