import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { persons } from './persons.tables.ts';
import { demoEmail } from '../../demo/seed.ts';

let t: TestApp;
let admin: string;
let peerPersonId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  const list = await t.app.inject({ url: '/api/persons?q=Pelle', headers: { cookie: admin } });
  peerPersonId = list.json().items[0].id;
});
afterAll(() => t.close());

describe('a person\'s story and data', () => {
  it('carries one person from applicant to participant, peer and course leader', async () => {
    const res = await t.app.inject({ url: `/api/persons/${peerPersonId}`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json().stages.map((s: { kind: string }) => s.kind)).toEqual(['applicant', 'participant', 'peer', 'course_leader']);
    expect(res.json().notes).toContain('förmiddagar');
  });

  it('keeps notes encrypted at rest', async () => {
    const [row] = await t.svc.db.select().from(persons).where(eq(persons.id, peerPersonId));
    expect(row!.notesEncrypted).toMatch(/^v1\./);
    expect(row!.notesEncrypted).not.toContain('förmiddagar');
  });

  it('answers "who has read my data?" with each read, for the admin and for the person', async () => {
    const trainer = await t.signIn('trainer');
    await t.app.inject({ url: `/api/persons/${peerPersonId}`, headers: { cookie: trainer } });
    const log = await t.app.inject({ url: `/api/persons/${peerPersonId}/access-log`, headers: { cookie: admin } });
    const readers = log.json().items.map((e: { actor: { name: string } }) => e.actor.name);
    expect(readers).toEqual(expect.arrayContaining(['Alva Admin', 'Tove Utbildare']));
    const peer = await t.signIn('peer');
    const own = await t.app.inject({ url: '/api/me/access-log', headers: { cookie: peer } });
    expect(own.json().items.map((e: { actor: { name: string } }) => e.actor.name)).toEqual(readers);
  });

  it('does not let a peer read another person, nor another tenant see this one', async () => {
    const peer = await t.signIn('peer');
    expect((await t.app.inject({ url: `/api/persons/${peerPersonId}`, headers: { cookie: peer } })).statusCode).toBe(403);
    const other = await t.signIn('admin@kommune.peerbridge.test');
    expect((await t.app.inject({ url: `/api/persons/${peerPersonId}`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/persons/${peerPersonId}/access-log`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/persons/not-a-uuid', headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('exports everything held about a person as one JSON document', async () => {
    const res = await t.app.inject({ url: `/api/persons/${peerPersonId}/export`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.json();
    expect(body.person).toMatchObject({ fullName: 'Pelle Peer', notes: expect.stringContaining('förmiddagar') });
    expect(body.accounts[0]).toMatchObject({ email: demoEmail('peer'), roles: [{ role: 'peer' }] });
  });

  it('erases a person: the account, sessions and records are gone, and the audit keeps only ids', async () => {
    const peer = await t.signIn('peer');
    const res = await t.app.inject({ method: 'POST', url: `/api/persons/${peerPersonId}/erase`, headers: asBrowser(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json().erased).toMatchObject({ person: 1, accounts: 1 });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: peer } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/persons/${peerPersonId}`, headers: { cookie: admin } })).statusCode).toBe(404);
    const audit = await t.app.inject({ url: `/api/audit-events?subjectPersonId=${peerPersonId}&action=person.erase`, headers: { cookie: admin } });
    expect(audit.json().items).toHaveLength(1);
    expect(JSON.stringify(audit.json())).not.toContain('Pelle');
  });
});
