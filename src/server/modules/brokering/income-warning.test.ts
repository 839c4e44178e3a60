import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incomeAfterAccepting } from './income-warning.ts';

const sek = (amount: number) => ({ amount, currency: 'SEK' as const });

describe('the income warning before accepting an offer', () => {
  it('warns when paid, pending and the offer together pass the peer’s own limit', () => {
    // 40 000 kr paid, 5 000 kr accepted but unpaid, an offer of 2 131,20 kr, a limit of 46 000 kr.
    expect(incomeAfterAccepting(sek(4_000_000), sek(500_000), sek(213_120), sek(4_600_000))).toEqual({
      wouldExceed: true,
      totalAfter: sek(4_713_120),
      margin: sek(-113_120),
    });
  });

  it('does not warn when the offer fits, and says how much room is left', () => {
    expect(incomeAfterAccepting(sek(4_000_000), sek(0), sek(213_120), sek(4_600_000))).toEqual({
      wouldExceed: false,
      totalAfter: sek(4_213_120),
      margin: sek(386_880),
    });
  });

  it('does not warn when the offer reaches the limit exactly: the peer stays within it', () => {
    expect(incomeAfterAccepting(sek(4_386_880), sek(0), sek(213_120), sek(4_600_000)).wouldExceed).toBe(false);
    expect(incomeAfterAccepting(sek(4_386_881), sek(0), sek(213_120), sek(4_600_000)).wouldExceed).toBe(true);
  });

  it('refuses to add amounts in different currencies', () => {
    expect(() => incomeAfterAccepting(sek(0), { amount: 0, currency: 'DKK' }, sek(100), sek(1_000))).toThrow();
  });

  it('warns exactly when the margin is negative, and the margin plus the total is the limit', () => {
    const amount = fc.integer({ min: 0, max: 100_000_000 });
    fc.assert(fc.property(amount, amount, amount, amount, (paid, pending, offer, limit) => {
      const check = incomeAfterAccepting(sek(paid), sek(pending), sek(offer), sek(limit));
      expect(check.wouldExceed).toBe(check.margin.amount < 0);
      expect(check.totalAfter.amount + check.margin.amount).toBe(limit);
    }));
  });
});
