import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  ApplicationSubmission,
  FunnelView,
  IntakeView,
  PublicIntakeView,
  SubmissionResult,
} from '../../../src/shared/contracts/recruitment.ts';
import { DEMO_PASSWORD } from '../../../src/server/demo/seed.ts';
import type { CapturedMail } from '../../../src/server/modules/mail/mail.smtp-capture.ts';

/** The open intake of the demo tenant (src/server/demo/recruitment-seed.ts). */
export const DEMO_INTAKE = 'PEER-utbildning våren 2027';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

async function answer<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Signs a demo user in through the API, for setting up what a journey starts from. */
export async function apiSignIn(origin: string, email: string): Promise<ApiSession> {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  await answer(login, 'sign-in');
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { Cookie: cookie, Origin: origin, Accept: 'application/json' };
  return {
    get: async (path) => answer(await fetch(`${origin}${path}`, { headers }), `GET ${path}`),
    send: async (method, path, body) =>
      answer(
        await fetch(`${origin}${path}`, {
          method,
          headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        `${method} ${path}`,
      ),
  };
}

/** The demo's open intake (seeded); created like the team would if the seed lacks it. */
export async function openIntake(team: ApiSession): Promise<IntakeView> {
  const { items } = await team.get<{ items: IntakeView[] }>('/api/intakes');
  const found = items.find((i) => i.title === DEMO_INTAKE && i.isOpen);
  if (found) return found;
  const defaults = await team.get<Pick<IntakeView, 'criteria' | 'questions'>>('/api/intakes/defaults');
  return team.send<IntakeView>('POST', '/api/intakes', {
    title: DEMO_INTAKE,
    courseName: 'PEER Support-utbildning',
    tracks: ['own_experience', 'relative'],
    deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    places: 16,
    criteria: defaults.criteria,
    questions: defaults.questions,
    status: 'open',
  });
}

export async function funnelOf(team: ApiSession, intakeId: string): Promise<FunnelView> {
  return team.get<FunnelView>(`/api/intakes/${intakeId}/funnel`);
}

/** An applicant applies through the public API, as the form on a region's web site does. */
export async function applyAs(origin: string, intakeId: string, who: { name: string; email: string }): Promise<SubmissionResult> {
  const intake = await answer<PublicIntakeView>(await fetch(`${origin}/api/public/intakes/${intakeId}`), 'GET public intake');
  const body: ApplicationSubmission = {
    name: who.name,
    email: who.email,
    municipality: 'Jönköping',
    track: 'own_experience',
    locale: 'sv',
    letter: {
      about: 'Jag är 38 år och bor i Jönköping. Jag tycker om att laga mat och att vandra i skogen med min hund.',
      experience: 'Jag har levt med bipolär sjukdom i femton år och har vårdats både inom slutenvården och öppenvården.',
      turningPoints: 'Det som vände det för mig var en peer-stödjare som berättade sin egen historia och gav mig hopp.',
      whyRole: 'Jag vill ge andra samma hopp som jag fick, och visa att återhämtning är möjlig.',
      fit: 'Jag lyssnar gärna, känner mina gränser och har som mål att arbeta halvtid.',
    },
    selfAssessment: intake.criteria.map((c) => ({ criterionId: c.id, rating: 'yes', comment: '' })),
    workingGoalAcknowledged: true,
    consent: true,
    consentVersion: intake.consentVersion,
  };
  const res = await fetch(`${origin}/api/public/intakes/${intakeId}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'sv' },
    body: JSON.stringify(body),
  });
  return answer<SubmissionResult>(res, 'POST application');
}

/** The personal token from the status link (`/application#<token>`) in an e-mail. */
export function statusTokenIn(mail: CapturedMail): string {
  const token = /\/application#([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`No status link in "${mail.subject}":\n${mail.text}`);
  return token;
}

/** The numbers behind a BarChart: its table, read as a screen reader gets it. */
export async function chartNumbers(page: Page, title: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: title });
  await table.waitFor({ state: 'attached' });
  const rows = await table.locator('tr').all();
  const pairs = await Promise.all(rows.map(async (r) => [(await r.locator('th').innerText()).trim(), (await r.locator('td').innerText()).trim()]));
  return Object.fromEntries(pairs);
}

/** Checks one answer in each group (fieldset) of a region, e.g. "Uppfyller" for every criterion. */
export async function answerEveryGroup(page: Page, region: string, choose: (index: number) => string): Promise<number> {
  const groups = await page.getByRole('region', { name: region, exact: true }).getByRole('group').all();
  const answered = [];
  for (const [i, group] of groups.entries()) {
    const radio = group.getByRole('radio', { name: choose(i), exact: true });
    if ((await radio.count()) === 0) continue;
    await radio.check();
    answered.push(i);
  }
  expect(answered.length).toBeGreaterThan(0);
  return answered.length;
}
