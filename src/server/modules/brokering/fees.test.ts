import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeInput, feeRuleSet, type FeeBreakdown, type FeeRuleSet } from '../../../shared/contracts/brokering.ts';
import { AppError } from '../../lib/errors.ts';
import { adjustFee, computeFee, defaultFeeRules, taxableAmount } from './fees.ts';

const se2026 = defaultFeeRules('SE', 2026);
const se2025 = defaultFeeRules('SE', 2025);
const dk2026 = defaultFeeRules('DK', 2026, { hourlyRate: 18_500 });

const fee = (rules: FeeRuleSet, input: Parameters<typeof feeInput.parse>[0]) => computeFee(rules, feeInput.parse(input));
const sek = (amount: number) => ({ amount, currency: 'SEK' as const });
const keys = (b: FeeBreakdown) => b.lines.map((l) => l.key);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('default fee rules', () => {
  it('start a Swedish year from the prisbasbelopp (59 200 kr in 2026, 58 800 kr in 2025) and 25 kr per mil', () => {
    expect(se2026).toMatchObject({ kind: 'se_prisbasbelopp', prisbasbelopp: sek(5_920_000), kmRate: sek(250) });
    expect(se2025).toMatchObject({ prisbasbelopp: sek(5_880_000), tiers: { fullDay: 360, halfDay: 180, short: 90, perHour: 50 } });
    expect(feeRuleSet.parse(se2026)).toEqual(se2026);
  });

  it('ask finance for a prisbasbelopp not yet known, and use the one entered', () => {
    expect(refusal(() => defaultFeeRules('SE', 2027)).fields).toEqual({ prisbasbelopp: { key: 'field.required' } });
    expect(defaultFeeRules('SE', 2027, { prisbasbelopp: 6_000_000 })).toMatchObject({ year: 2027, prisbasbelopp: sek(6_000_000) });
  });

  it('give a Danish tenant its hourly rate and SKAT’s mileage (3,94 kr/km in 2026), asking for what is unknown', () => {
    expect(dk2026).toEqual({ kind: 'dk_hourly', year: 2026, hourlyRate: { amount: 18_500, currency: 'DKK' }, kmRate: { amount: 394, currency: 'DKK' } });
    expect(refusal(() => defaultFeeRules('DK', 2026)).fields).toEqual({ hourlyRate: { key: 'field.required' } });
    expect(refusal(() => defaultFeeRules('DK', 2030, { hourlyRate: 18_500 })).fields).toEqual({ kmRate: { key: 'field.required' } });
  });

  it('refuse rules where a longer tier pays less than a shorter one', () => {
    const upsideDown = { ...se2026, tiers: { fullDay: 360, halfDay: 400, short: 90, perHour: 50 } };
    expect(feeRuleSet.safeParse(upsideDown).success).toBe(false);
  });
});

describe('a Swedish fee from the prisbasbelopp (Region Jönköping’s rules)', () => {
  it('pays 2 131,20 kr a full day, 1 065,60 a half day and 532,80 a short one with the 2026 figure', () => {
    expect(fee(se2026, { minutes: 6 * 60 }).total).toEqual(sek(213_120));
    expect(fee(se2026, { minutes: 3 * 60 }).total).toEqual(sek(106_560));
    expect(fee(se2026, { minutes: 90 }).total).toEqual(sek(53_280));
  });

  it('pays 2 116,80 kr a full day with the 2025 figure', () => {
    expect(fee(se2025, { minutes: 5 * 60 }).lines).toEqual([
      { key: 'full_day', quantity: 1, unit: 'assignment', unitAmount: sek(211_680), amount: sek(211_680), taxable: true },
    ]);
  });

  it('counts exactly 2 h as short, exactly 4 h as a half day and 4 h 1 min as a full day', () => {
    expect(keys(fee(se2026, { minutes: 120 }))).toEqual(['short']);
    expect(keys(fee(se2026, { minutes: 121 }))).toEqual(['half_day']);
    expect(keys(fee(se2026, { minutes: 240 }))).toEqual(['half_day']);
    expect(keys(fee(se2026, { minutes: 241 }))).toEqual(['full_day']);
  });

  it('counts travel time: 3 h 30 min with 45 min of travel is a full day ("över 4 timmar inklusive restid")', () => {
    expect(keys(fee(se2026, { minutes: 210 }))).toEqual(['half_day']);
    expect(fee(se2026, { minutes: 210, travelMinutes: 45 }).total).toEqual(sek(213_120));
  });

  it('pays 888,00 kr for 3 h priced per hour, and per minute in between (1 h 20 min = 394,67)', () => {
    const threeHours = fee(se2026, { minutes: 180, pricedPerHour: true });
    expect(threeHours.lines).toEqual([{ key: 'hourly', quantity: 3, unit: 'hour', unitAmount: sek(29_600), amount: sek(88_800), taxable: true }]);
    // 296 kr × 80/60 = 394,666… kr: rounded half up to the öre.
    expect(fee(se2026, { minutes: 50, travelMinutes: 30, pricedPerHour: true }).total).toEqual(sek(39_467));
  });

  it('pays 42 km at 2,50 kr/km = 105,00 kr as a tax-free line beside the fee', () => {
    const b = fee(se2026, { minutes: 90, km: 42 });
    expect(b.lines[1]).toEqual({ key: 'travel', quantity: 42, unit: 'km', unitAmount: sek(250), amount: sek(10_500), taxable: false });
    expect(b.total).toEqual(sek(53_280 + 10_500));
    expect(taxableAmount(b)).toEqual(sek(53_280));
  });

  it('includes preparation unless extra is agreed, then pays it at the hourly share (1 h 30 min = 444,00 kr)', () => {
    expect(keys(fee(se2026, { minutes: 180 }))).toEqual(['half_day']);
    const withExtra = fee(se2026, { minutes: 180, extraPreparationMinutes: 90 });
    expect(withExtra.lines[1]).toMatchObject({ key: 'extra_preparation', quantity: 1.5, amount: sek(44_400) });
    expect(withExtra.total).toEqual(sek(106_560 + 44_400));
  });

  it('rounds a share that does not come out even half up to the öre', () => {
    const odd = { ...se2026, prisbasbelopp: sek(5_920_050) } as FeeRuleSet; // 0.9 % of 59 200,50 kr = 53 280,45 öre
    expect(fee(odd, { minutes: 60 }).total).toEqual(sek(53_280));
    const up = { ...se2026, prisbasbelopp: sek(5_920_056) } as FeeRuleSet; // 0.9 % of 59 200,56 kr = 53 280,504 öre
    expect(fee(up, { minutes: 60 }).total).toEqual(sek(53_281));
  });
});

describe('a Danish fee per hour', () => {
  it('pays the hourly rate for the time worked including travel, and SKAT’s mileage', () => {
    const b = computeFee(dk2026, feeInput.parse({ minutes: 150, travelMinutes: 30, km: 20 }));
    expect(b.lines).toEqual([
      { key: 'hourly', quantity: 3, unit: 'hour', unitAmount: { amount: 18_500, currency: 'DKK' }, amount: { amount: 55_500, currency: 'DKK' }, taxable: true },
      { key: 'travel', quantity: 20, unit: 'km', unitAmount: { amount: 394, currency: 'DKK' }, amount: { amount: 7_880, currency: 'DKK' }, taxable: false },
    ]);
    expect(b.total).toEqual({ amount: 63_380, currency: 'DKK' });
  });
});

describe('adjusting a fee by hand', () => {
  const computed = fee(se2026, { minutes: 180, km: 42 }); // 1 065,60 + 105,00

  it('needs a reason, since the change is audited', () => {
    expect(refusal(() => adjustFee(computed, sek(150_000), '  ')).fields).toEqual({ reason: { key: 'field.required' } });
  });

  it('adds one adjustment line with the reason, so the rules’ figure stays visible', () => {
    const adjusted = adjustFee(computed, sek(150_000), ' Längre förberedelse enligt överenskommelse ');
    expect(adjusted.total).toEqual(sek(150_000));
    expect(adjusted.lines.at(-1)).toEqual({
      key: 'adjustment', quantity: 1, unit: 'assignment', unitAmount: sek(150_000 - 117_060), amount: sek(32_940), taxable: true,
      reason: 'Längre förberedelse enligt överenskommelse',
    });
    const again = adjustFee(adjusted, sek(100_000), 'Kortare än planerat');
    expect(keys(again)).toEqual(['half_day', 'travel', 'adjustment']);
    expect(again.lines.at(-1)!.amount).toEqual(sek(-17_060));
    expect(adjustFee(again, sek(117_060), 'Tillbaka till reglerna').lines).toEqual(computed.lines);
  });

  it('refuses a total below the mileage or in another currency', () => {
    expect(refusal(() => adjustFee(computed, sek(10_499), 'Inget arvode')).fields).toEqual({ total: { key: 'field.invalid' } });
    expect(adjustFee(computed, sek(10_500), 'Inget arvode').total).toEqual(sek(10_500));
    expect(refusal(() => adjustFee(computed, { amount: 150_000, currency: 'DKK' }, 'Fel valuta')).code).toBe('VALIDATION_FAILED');
  });
});

describe('fee invariants', () => {
  const minutes = fc.integer({ min: 1, max: 24 * 60 });
  const input = fc.record({
    minutes,
    travelMinutes: fc.integer({ min: 0, max: 24 * 60 }),
    km: fc.integer({ min: 0, max: 5_000 }),
    pricedPerHour: fc.boolean(),
    extraPreparationMinutes: fc.integer({ min: 0, max: 24 * 60 }),
  });
  const rules = fc.oneof(
    fc.record({ pbb: fc.integer({ min: 3_000_000, max: 10_000_000 }), km: fc.integer({ min: 0, max: 1_000 }) })
      .map(({ pbb, km }) => defaultFeeRules('SE', 2026, { prisbasbelopp: pbb, kmRate: km })),
    fc.record({ rate: fc.integer({ min: 0, max: 100_000 }), km: fc.integer({ min: 0, max: 1_000 }) })
      .map(({ rate, km }) => defaultFeeRules('DK', 2026, { hourlyRate: rate, kmRate: km })),
  );

  it('never pays less for a longer assignment, within one way of pricing', () => {
    fc.assert(fc.property(rules, input, fc.integer({ min: 0, max: 24 * 60 }), (r, i, more) => {
      const longer = { ...i, minutes: Math.min(i.minutes + more, 24 * 60) };
      const withTravel = { ...i, travelMinutes: Math.min(i.travelMinutes + more, 24 * 60) };
      const base = computeFee(r, i).total.amount;
      expect(computeFee(r, longer).total.amount).toBeGreaterThanOrEqual(base);
      expect(computeFee(r, withTravel).total.amount).toBeGreaterThanOrEqual(base);
    }));
  });

  it('has a total equal to the sum of its lines, all in whole öre/øre of one currency', () => {
    fc.assert(fc.property(rules, input, (r, i) => {
      const b = computeFee(r, i);
      expect(b.total.amount).toBe(b.lines.reduce((sum, l) => sum + l.amount.amount, 0));
      for (const line of b.lines) {
        expect(Number.isSafeInteger(line.amount.amount)).toBe(true);
        expect(line.amount.currency).toBe(b.total.currency);
      }
    }));
  });

  it('keeps the total equal to the sum of the lines after any adjustment at or above the mileage', () => {
    fc.assert(fc.property(rules, input, fc.integer({ min: 0, max: 1_000_000 }), (r, i, extra) => {
      const b = computeFee(r, i);
      const mileage = b.total.amount - taxableAmount(b).amount;
      const adjusted = adjustFee(b, { amount: mileage + extra, currency: b.total.currency }, 'Överenskommet');
      expect(adjusted.total.amount).toBe(mileage + extra);
      expect(adjusted.lines.reduce((sum, l) => sum + l.amount.amount, 0)).toBe(adjusted.total.amount);
    }));
  });
});
