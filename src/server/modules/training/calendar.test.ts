import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { calendarFeeds } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const newFeed = async (cookie: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/calendar-feed', headers: asBrowser(cookie) });
  expect(res.statusCode).toBe(201);
  return new URL(res.json().url as string);
};
const fetchFeed = (url: URL) => t.app.inject({ url: url.pathname });
const events = (ics: string) => ics.split('BEGIN:VEVENT').slice(1);

describe('calendar feeds', () => {
  it("gives a participant a secret .ics of their cohort's sessions from 30 days back, one stable UID per session", async () => {
    const dana = await t.signIn('participant');
    const url = await newFeed(dana);
    expect(url.pathname).toMatch(/^\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const list = events(res.body);
    // The demo's autumn cohort started 2026-10-12: week 1 is more than 30 days before the clock (2026-11-23), weeks 3 and 5 are not.
    expect(list).toHaveLength(10);
    expect(res.body).toContain('X-WR-CALNAME:Utbildningsträffar, Region Demo');
    expect(list[0]).toContain('DTSTART:20261026T080000Z');
    expect(list[0]).toContain('LOCATION:Utbildningslokalen\\, Storgatan 12\\, Demostad');
    expect(list[0]).toContain('SUMMARY:PEER höst 2026: Psykiatrins och socialpsykiatrins organisation');
    expect(list[0]).toContain('DESCRIPTION:PEER Support-utbildning');
    const uids = list.map((e) => /UID:(.+)\r\n/.exec(e)?.[1]);
    expect(new Set(uids).size).toBe(10);
    expect(uids.every((u) => /^session-[0-9a-f-]{36}@peerbridge$/.test(u ?? ''))).toBe(true);
    expect(events((await fetchFeed(url)).body).map((e) => /UID:(.+)\r\n/.exec(e)?.[1])).toEqual(uids);
    expect(res.body).not.toMatch(/livelihood|sickness|Tandläkare/);

    // Only the hash is kept: the token itself is nowhere in the database.
    const [row] = await t.svc.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, team.participantUserId));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(url.pathname).not.toContain(row!.tokenHash);
  });

  it('gives a course leader the sessions they lead', async () => {
    const peer = await t.signIn('peer');
    const res = await fetchFeed(await newFeed(peer));
    // Of the autumn cohort, only the session the peer co-leads (Recovery College courses they lead may be there too).
    const autumn = events(res.body).filter((e) => e.includes('SUMMARY:PEER höst 2026'));
    expect(autumn).toHaveLength(1);
    expect(autumn[0]).toContain('SUMMARY:PEER höst 2026: Att dela sin berättelse');
  });

  it('stops an old URL when a new one is made, and every URL when revoked', async () => {
    const tove = team.tove;
    const first = await newFeed(tove);
    const second = await newFeed(tove);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect((await fetchFeed(second)).statusCode).toBe(200);
    const revoke = await t.app.inject({ method: 'DELETE', url: '/api/calendar-feed', headers: asBrowser(tove) });
    expect(revoke.statusCode).toBe(204);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/public/calendar/not-a-token.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/calendar-feed', headers: asBrowser('pb_session=nobody') })).statusCode).toBe(401);
  });
});
