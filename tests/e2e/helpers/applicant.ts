import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CapturedMail } from '../../../src/server/modules/mail/mail.smtp-capture.ts';
import type { Journey } from './journey.ts';
import { DEMO_PASSWORD, demoEmail } from './pages.ts';

/** The training team's API as the demo trainer, from the test itself (cookie session and our Origin). */
export async function trainerApi(origin: string) {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email: demoEmail('trainer'), password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}${url}`, {
      method,
      headers: { Origin: origin, Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
export type TrainerApi = Awaited<ReturnType<typeof trainerApi>>;

export const criteria = [
  { level: 'must', label: { sv: 'Har egen erfarenhet av psykisk ohälsa', da: 'Har egen erfaring med psykisk sygdom', en: 'Has own experience of mental ill-health' } },
  { level: 'should', label: { sv: 'Har erfarenhet av psykiatrisk vård', en: 'Has experience of psychiatric care' } },
  { level: 'plus', label: { sv: 'Har stångats med myndigheter', en: 'Has butted heads with authorities' } },
] as const;

/** An open intake of the demo tenant, deadline in a month, with both tracks and three criteria. */
export async function openIntake(api: TrainerApi, title: string): Promise<{ id: string; title: string }> {
  const intake = await api<{ id: string; title: string }>('POST', '/api/intakes', {
    title,
    courseName: 'Grundutbildning i peer support',
    description: 'Fem veckor: vecka 1, 3 och 5 på plats, vecka 2 och 4 för reflektion och hemuppgifter.',
    tracks: ['own_experience', 'relative'],
    deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    places: 12,
    criteria,
    questions: [{ text: { sv: 'Hur skulle du hantera frustration från en patient, riktad mot dig?' } }],
    status: 'open',
  });
  return intake;
}

/** The letter in five parts, long enough together (well over LETTER_MIN_CHARS). */
export const letter = {
  'Berätta om dig själv': 'Jag heter Mika, är 41 år och bor i Knivsta med min dotter. Jag arbetar extra på ett bibliotek.',
  'Din erfarenhet av psykisk ohälsa, egen eller som anhörig': 'Jag har levt med ångest och depression sedan tjugoårsåldern och har vårdats inneliggande.',
  'Vändpunkter och återhämtning': 'Vändpunkten kom i en återhämtningsgrupp där någon med egen erfarenhet lyssnade utan att döma.',
  'Varför du vill arbeta som peer supporter': 'Jag vill ge andra det hopp som jag själv fick när det var som mörkast.',
  'Hur du skulle passa i rollen': 'Jag är lugn, lyssnar gärna och har lärt mig att sätta gränser för min egen skull.',
};

/** A real, small PDF in a temporary file, as a letter an applicant might upload. */
export async function pdfFile(text: string): Promise<string> {
  const file = path.join(os.tmpdir(), `brev-${crypto.randomBytes(4).toString('hex')}.pdf`);
  const doc = new PDFDocument({ size: 'A4' });
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.pipe(fs.createWriteStream(file));
  doc.text(text);
  doc.end();
  await done;
  return file;
}

/** A file that is not what its name says: plain text named `.pdf`. */
export function fakePdfFile(): string {
  const file = path.join(os.tmpdir(), `brev-${crypto.randomBytes(4).toString('hex')}.pdf`);
  fs.writeFileSync(file, 'Det här är bara text, ingen PDF.\n');
  return file;
}

export const uniqueEmail = (who: string) => `${who}-${crypto.randomBytes(4).toString('hex')}@example.org`;

/** Fills "Om dig" (Swedish labels) as an applicant on the own-experience track would. */
export async function fillAboutYou(page: Page, person: { name: string; email: string; phone?: string; municipality: string }) {
  await page.getByLabel('För- och efternamn', { exact: true }).fill(person.name);
  await page.getByLabel('E-postadress', { exact: true }).fill(person.email);
  if (person.phone) await page.getByLabel('Telefonnummer (frivilligt)', { exact: true }).fill(person.phone);
  await page.getByLabel('Kommun där du bor', { exact: true }).fill(person.municipality);
  await page.getByRole('group', { name: 'Vilken erfarenhet söker du med?' }).getByRole('radio', { name: 'Egen erfarenhet av psykisk ohälsa' }).check();
}

/** Answers every criterion of the self-assessment, the first with a comment. */
export async function assessSelf(page: Page) {
  for (const [i, c] of criteria.entries()) {
    const group = page.getByRole('group', { name: `${i + 1}. ${c.label.sv}` });
    await group.getByRole('radio', { name: i === 1 ? 'Delvis' : 'Ja', exact: true }).check();
  }
  await page.getByLabel('Kommentar till 1 (frivilligt)', { exact: true }).fill('Sedan tjugo år.');
}

/** Fills the whole form (Swedish labels), consent included, ready to send. */
export async function fillWholeForm(page: Page, person: { name: string; email: string; municipality: string }) {
  await fillAboutYou(page, person);
  for (const [label, text] of Object.entries(letter)) await page.getByRole('textbox', { name: label, exact: true }).fill(text);
  await assessSelf(page);
  await page.getByRole('checkbox', { name: 'Jag har läst det här och har som mål att arbeta minst 50 %.' }).check();
  await page.getByRole('checkbox', { name: 'Jag godkänner att mina uppgifter behandlas så som det står här.' }).check();
}

/** Waits for the `n`th e-mail (1-based) to this address, whatever its subject. */
export async function nthMail(journey: Journey, to: string, n: number): Promise<CapturedMail> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mine = journey.mailbox.messages.filter((m) => m.to.includes(to));
    if (mine.length >= n) return mine[n - 1]!;
    await new Promise((r) => setTimeout(r, 200));
  }
  const got = journey.mailbox.messages.filter((m) => m.to.includes(to)).map((m) => m.subject);
  throw new Error(`Expected ${n} e-mails to ${to} within 20 s; got ${JSON.stringify(got)}`);
}

/** The personal link in an e-mail, as a path the browser can open (`/application#<token>`). */
export function statusLinkIn(mail: CapturedMail): string {
  const url = mail.text.match(/https?:\/\/\S+\/application#[\w-]+/)?.[0];
  if (!url) throw new Error(`No personal link in "${mail.subject}":\n${mail.text}`);
  const { pathname, hash } = new URL(url);
  return pathname + hash;
}
