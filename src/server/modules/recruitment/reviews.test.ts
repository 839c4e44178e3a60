import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import { applicationReviews } from './recruitment.tables.ts';
import { apply, createIntake, teamOf } from './applications.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
let intake: IntakeView;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  intake = await createIntake(t, team.tove);
});
afterAll(() => t.close());

const assess = (id: string, cookie: string, payload: Record<string, unknown>, lang = 'sv') =>
  t.app.inject({ method: 'POST', url: `/api/applications/${id}/assess`, payload, headers: { ...asBrowser(cookie), 'accept-language': lang } });
const detail = async (id: string, cookie: string) => (await t.app.inject({ url: `/api/applications/${id}`, headers: { cookie } })).json();
const allMet = () => intake.criteria.map((c) => ({ criterionId: c.id, rating: 'met' }));

describe('reviews', () => {
  it('keeps each reviewer blind to the other’s assessment until both have submitted', async () => {
    const app = await apply(t, intake, { name: 'Greta Gran' });
    const draft = await assess(app.id, team.tove, { ratings: allMet().slice(0, 3), notes: 'Stark berättelse om vändpunkter.', submit: false });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ mine: { submittedAt: null, notes: 'Stark berättelse om vändpunkter.' }, others: null, submittedCount: 0 });
    // The first assessment takes the application into review.
    expect((await detail(app.id, team.tage)).stage).toBe('under_review');

    await assess(app.id, team.tove, { ratings: allMet(), notes: 'Stark berättelse om vändpunkter.', submit: true });
    const tageBefore = await detail(app.id, team.tage);
    expect(tageBefore.reviews).toEqual({ mine: null, others: null, submittedCount: 1 });

    const tageRatings = intake.criteria.map((c) => ({ criterionId: c.id, rating: c.level === 'plus' ? 'not_met' : 'partly' }));
    const tageDraft = await assess(app.id, team.tage, { ratings: tageRatings, notes: 'Vill veta mer om stödet runt omkring.', submit: false });
    expect(tageDraft.json().others).toBeNull();
    const toveWaiting = await detail(app.id, team.tove);
    expect(toveWaiting.reviews).toMatchObject({ mine: { reviewerName: 'Tove Utbildare' }, others: null, submittedCount: 1 });

    const both = await assess(app.id, team.tage, { ratings: tageRatings, notes: 'Vill veta mer om stödet runt omkring.', submit: true });
    expect(both.json().others).toEqual([expect.objectContaining({ reviewerName: 'Tove Utbildare', notes: 'Stark berättelse om vändpunkter.', ratings: allMet() })]);
    const toveAfter = await detail(app.id, team.tove);
    expect(toveAfter.reviews.others).toEqual([expect.objectContaining({ reviewerName: 'Tage Utbildare', ratings: tageRatings })]);
    expect(toveAfter).toMatchObject({ reviewsSubmitted: 2, myReviewSubmitted: true });

    // Notes are personal: kept encrypted.
    const rows = await t.svc.db.select({ notes: applicationReviews.notesEncrypted }).from(applicationReviews).where(eq(applicationReviews.applicationId, app.id));
    expect(rows.every((r) => r.notes && !r.notes.includes('berättelse') && !r.notes.includes('stödet'))).toBe(true);
  });

  it('submits only with every criterion rated, and never changes a submitted assessment', async () => {
    const app = await apply(t, intake, { name: 'Hugo Holm' });
    const partial = await assess(app.id, team.tove, { ratings: allMet().slice(1), notes: '', submit: true }, 'en');
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields).toEqual({ ratings: 'Answer every criterion.' });
    const unknown = await assess(app.id, team.tove, { ratings: [...allMet(), { criterionId: 'no-such-criterion', rating: 'met' }], notes: '', submit: false });
    expect(unknown.json().error.fields).toEqual({ ratings: 'Kriteriet finns inte i den här utbildningsomgången.' });
    expect((await detail(app.id, team.tove)).reviews.mine).toBeNull();

    expect((await assess(app.id, team.tove, { ratings: allMet(), notes: '', submit: true })).statusCode).toBe(200);
    const again = await assess(app.id, team.tove, { ratings: allMet(), notes: 'Ändrat mig', submit: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect((await detail(app.id, team.tove)).reviews.mine.notes).toBe('');
  });

  it('assesses only before the decision, and only within the training team', async () => {
    const app = await apply(t, intake, { name: 'Iris Ingesson' });
    await t.app.inject({ method: 'POST', url: `/api/applications/${app.id}/decide`, payload: { decision: 'not_admitted', letter: 'Tack för din ansökan. Den här gången blev det inte du.' }, headers: asBrowser(team.tove) });
    const late = await assess(app.id, team.tage, { ratings: allMet(), notes: '', submit: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('WRONG_STAGE');

    const open = await apply(t, intake, { name: 'Jon Jonsson' });
    const coordinator = await t.signIn('coordinator');
    expect((await assess(open.id, coordinator, { ratings: allMet(), notes: '', submit: true })).statusCode).toBe(403);
    const stored = await t.svc.db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, open.id));
    expect(stored).toEqual([]);
  });
});
