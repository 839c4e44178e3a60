import crypto from 'node:crypto';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../../tests/helpers/test-app.ts';
import type { ApplicationSubmission } from '../../../shared/contracts/recruitment.ts';
import { emails } from '../mail/mail.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { intakes } from './recruitment.tables.ts';
import { CONSENT_VERSION } from './consent.ts';

/**
 * Helpers for the public application tests: intakes written straight to the database in the demo
 * tenant (the team's intake routes are tested on their own), a valid submission to vary, multipart
 * bodies as a browser builds them, real small letter files, and the e-mails an address received.
 */
export async function demoTenantId(t: TestApp): Promise<string> {
  const [row] = await t.svc.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'region-demo'));
  return row!.id;
}

export async function makeIntake(
  t: TestApp,
  opts: { tenantId: string; status?: 'draft' | 'open' | 'closed'; deadline?: Date; title?: string; tracks?: ('own_experience' | 'relative')[] },
): Promise<string> {
  const [row] = await t.svc.db
    .insert(intakes)
    .values({
      tenantId: opts.tenantId,
      title: opts.title ?? 'Kamratstödjare, våren 2027',
      courseName: 'Grundutbildning i peer support',
      tracks: opts.tracks ?? ['own_experience', 'relative'],
      deadline: opts.deadline ?? new Date(t.clock.now().getTime() + 30 * 86_400_000),
      places: 12,
      criteria: [
        { id: 'c1', level: 'must', label: { sv: 'Egen erfarenhet av återhämtning', en: 'Own experience of recovery' } },
        { id: 'c2', level: 'should', label: { sv: 'Kan lyssna utan att döma' } },
      ],
      questions: [{ id: 'q1', text: { sv: 'Någon vill avsluta samtalet. Vad gör du?' } }],
      retentionMonths: 12,
      status: opts.status ?? 'open',
    })
    .returning({ id: intakes.id });
  return row!.id;
}

export const uniqueEmail = () => `sokande-${crypto.randomBytes(4).toString('hex')}@example.org`;

/** A complete, valid submission; each test changes what it is about. */
export function submission(overrides: Partial<ApplicationSubmission> = {}): ApplicationSubmission {
  return {
    name: 'Sara Sökande',
    email: uniqueEmail(),
    phone: '070-123 45 67',
    municipality: 'Lund',
    track: 'own_experience',
    locale: 'sv',
    letter: {
      about: 'Jag är 34 år och bor i Lund med min katt. Jag tycker om att gå långa promenader.',
      experience: 'Jag har levt med depression sedan tonåren och vårdades inneliggande två gånger.',
      turningPoints: 'Vändpunkten kom när en kamratstödjare lyssnade på mig utan att döma.',
      whyRole: 'Jag vill ge andra det hopp som jag själv fick när det var som mörkast.',
      fit: 'Jag är lugn, lyssnar gärna och har lärt mig sätta gränser för min egen del.',
    },
    selfAssessment: [
      { criterionId: 'c1', rating: 'yes', comment: 'Flera år av återhämtning.' },
      { criterionId: 'c2', rating: 'partly', comment: '' },
    ],
    workingGoalAcknowledged: true,
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...overrides,
  };
}

export function apply(t: TestApp, intakeId: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/public/intakes/${intakeId}/applications`, payload: body as object, headers });
}

/** A multipart body as a browser's FormData sends it: the application as text, the letter as a file. */
export async function multipartOf(application: unknown, file?: { name: string; content: Buffer; type?: string }) {
  const form = new FormData();
  form.append('application', typeof application === 'string' ? application : JSON.stringify(application));
  if (file) form.append('letterFile', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

export async function applyMultipart(t: TestApp, intakeId: string, application: unknown, file?: { name: string; content: Buffer; type?: string }, headers: Record<string, string> = {}) {
  const body = await multipartOf(application, file);
  return t.app.inject({ method: 'POST', url: `/api/public/intakes/${intakeId}/applications`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

/** A real, small PDF with one line of text. */
export function pdfOf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

/** A zip archive with stored (uncompressed) entries: enough for an ODT or DOCX as file-type reads them. */
export function zipOf(entries: { name: string; content: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.content);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A real 1×1 PNG: an image, not a letter. */
export const pngBytes = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The e-mails an address received, oldest first, their bodies decrypted. */
export async function mailsTo(t: TestApp, address: string) {
  const rows = await t.svc.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.createdAt));
  return rows.map((r) => ({ subject: r.subject, text: t.svc.keyring.decrypt(r.bodyEncrypted) }));
}

/** The token after `#` in the last link of this kind an address was sent. */
export async function lastLinkToken(t: TestApp, address: string, path = '/application#'): Promise<string> {
  const texts = (await mailsTo(t, address)).map((m) => m.text).reverse();
  for (const text of texts) {
    const match = text.match(new RegExp(`${path.replace(/[#/]/g, '\\$&')}([A-Za-z0-9_-]+)`));
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link sent to ${address}`);
}
