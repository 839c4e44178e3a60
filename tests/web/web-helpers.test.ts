import { describe, expect, it } from 'vitest';
import { sv } from '../../src/web/i18n/sv.ts';
import { da } from '../../src/web/i18n/da.ts';
import { en } from '../../src/web/i18n/en.ts';
import { withQuery } from '../../src/web/app/api.ts';
import { visibleNavItems } from '../../src/web/app/nav.ts';
import { currentStage } from '../../src/web/features/persons/person-types.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web catalogs', () => {
  it('use the same {placeholders} for each key in Swedish, Danish and English', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(da[key]), `da ${key}`).toEqual(placeholders(sv[key]));
      expect(placeholders(en[key]), `en ${key}`).toEqual(placeholders(sv[key]));
    }
  });

  it('have no key the Swedish catalog lacks', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(sv).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });
});

describe('withQuery', () => {
  it('leaves out empty filters and encodes the rest', () => {
    expect(withQuery('/api/users', { q: 'Åsa & co', role: '', status: undefined, limit: 50 })).toBe('/api/users?q=%C3%85sa+%26+co&limit=50');
    expect(withQuery('/api/users', { q: '' })).toBe('/api/users');
  });
});

describe('visibleNavItems', () => {
  it('shows a peer only home and settings', () => {
    expect(visibleNavItems(['profile.own']).map((i) => i.to)).toEqual(['/', '/settings']);
  });
});

describe('currentStage', () => {
  it('is the latest stage without an end', () => {
    const stages = [
      { kind: 'applicant' as const, startedOn: '2026-01-01', endedOn: '2026-02-01' },
      { kind: 'participant' as const, startedOn: '2026-02-01', endedOn: null },
      { kind: 'peer' as const, startedOn: '2026-05-01', endedOn: null },
    ];
    expect(currentStage(stages)?.kind).toBe('peer');
    expect(currentStage([stages[0]!])).toBeUndefined();
  });
});
