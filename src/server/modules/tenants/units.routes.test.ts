import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { OTHER_TENANT_ADMIN } from '../../demo/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/units', () => {
  it("lists the signed-in user's own units by name, and none of another tenant's", async () => {
    const res = await t.app.inject({ url: '/api/units', headers: { cookie: await t.signIn('trainer') } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { name: string }) => u.name)).toEqual([
      'Allmänpsykiatrisk mottagning Väst',
      'Psykiatriska kliniken, avdelning 3',
      'Socialpsykiatrin Demo kommun',
    ]);
    const other = await t.app.inject({ url: '/api/units', headers: { cookie: await t.signIn(OTHER_TENANT_ADMIN) } });
    expect(other.json().items).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ url: '/api/units' })).statusCode).toBe(401);
  });
});
