import type { Currency, FeeBreakdown, FeeInput, FeeLine, FeeLineKey, FeeRuleSet, Money } from '../../../shared/contracts/brokering.ts';
import { fieldError } from '../../lib/errors.ts';

/*
 * Fees are computed in whole öre/øre with integer arithmetic, because pay slips and the payroll export
 * (PAXml) carry öre. A share that does not come out even is rounded half up to the öre. The tier
 * amounts always come out even: the prisbasbelopp is set in hundreds of kronor, and 1 basis point of
 * 100 kr is 1 öre. (Region Jönköping's own examples show whole kronor, e.g. 2 063 kr for 2 062,80:
 * that is display, not a rule; we do not round the pay.)
 */

/** The tiers of Region Jönköping, counted INCLUDING travel time ("inklusive eventuell färdtid"). */
const SHORT_MAX_MINUTES = 120; // kortare insats: "upp till två timmar"
const HALF_DAY_MAX_MINUTES = 240; // halvdag: "mellan två till fyra timmar"; heldag: "mer än fyra timmar"

/** Region Jönköping's shares of the prisbasbelopp: 3.6 %, 1.8 %, 0.9 % and 0.5 % per hour. */
const SE_TIERS = { fullDay: 360, halfDay: 180, short: 90, perHour: 50 } as const;

/** Prisbasbelopp in kronor, set by the government each autumn for the next year (2026: SFS 2025:872). */
const PRISBASBELOPP_SEK: Readonly<Record<number, number>> = { 2024: 57_300, 2025: 58_800, 2026: 59_200 };

/**
 * Tax-free mileage for one's own car. Sweden: 25 kr per mil (10 km) = 2,50 kr/km, Skatteverket, unchanged
 * since 2023. Denmark: SKAT's rate for the first 20 000 km a year with one employer (3,81 kr in 2025,
 * 3,94 kr in 2026); the lower rate past 20 000 km is left to payroll, as no peer drives that far for us.
 */
const SE_KM_RATE_ORE = 250;
const DK_KM_RATE_ORE: Readonly<Record<number, number>> = { 2025: 381, 2026: 394 };

type DefaultOptions = {
  /** Minor units (öre/øre); each overrides the known figure of the year. */
  prisbasbelopp?: number;
  hourlyRate?: number;
  kmRate?: number;
};

/**
 * The rules a new tenant year starts from. A figure we do not know for the year (a future
 * prisbasbelopp, a Danish tenant's hourly rate) must be given: a field error names it.
 */
export function defaultFeeRules(country: 'SE' | 'DK', year: number, opts: DefaultOptions = {}): FeeRuleSet {
  if (country === 'SE') {
    const known = PRISBASBELOPP_SEK[year];
    const prisbasbelopp = opts.prisbasbelopp ?? (known === undefined ? undefined : known * 100);
    if (prisbasbelopp === undefined) throw fieldError('prisbasbelopp', 'field.required');
    return {
      kind: 'se_prisbasbelopp',
      year,
      prisbasbelopp: { amount: prisbasbelopp, currency: 'SEK' },
      tiers: { ...SE_TIERS },
      kmRate: { amount: opts.kmRate ?? SE_KM_RATE_ORE, currency: 'SEK' },
    };
  }
  if (opts.hourlyRate === undefined) throw fieldError('hourlyRate', 'field.required');
  const kmRate = opts.kmRate ?? DK_KM_RATE_ORE[year];
  if (kmRate === undefined) throw fieldError('kmRate', 'field.required');
  return {
    kind: 'dk_hourly',
    year,
    hourlyRate: { amount: opts.hourlyRate, currency: 'DKK' },
    kmRate: { amount: kmRate, currency: 'DKK' },
  };
}

/** `amount × numerator / denominator`, rounded half up; BigInt so no product loses precision. */
function shareOf(amount: number, numerator: number, denominator: number): number {
  return Number((BigInt(amount) * BigInt(numerator) * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n));
}

const inCurrency = (amount: number, currency: Currency): Money => ({ amount, currency });

function hourLine(key: FeeLineKey, hourlyRate: Money, minutes: number): FeeLine {
  const amount = inCurrency(shareOf(hourlyRate.amount, minutes, 60), hourlyRate.currency);
  return { key, quantity: minutes / 60, unit: 'hour', unitAmount: hourlyRate, amount, taxable: true };
}

function tierOf(minutes: number): 'short' | 'half_day' | 'full_day' {
  if (minutes <= SHORT_MAX_MINUTES) return 'short';
  return minutes <= HALF_DAY_MAX_MINUTES ? 'half_day' : 'full_day';
}

const tierShare = { short: 'short', half_day: 'halfDay', full_day: 'fullDay' } as const;

function withTotal(lines: FeeLine[], currency: Currency): FeeBreakdown {
  return { lines, total: inCurrency(lines.reduce((sum, l) => sum + l.amount.amount, 0), currency) };
}

/**
 * The fee of one assignment. Travel time counts as time worked, in the tier and per hour alike (the
 * rules count it in every tier); extra preparation, when agreed, is paid at the hourly rate.
 */
export function computeFee(rules: FeeRuleSet, input: FeeInput): FeeBreakdown {
  const worked = input.minutes + input.travelMinutes;
  const lines: FeeLine[] = [];
  let hourlyRate: Money;
  if (rules.kind === 'se_prisbasbelopp') {
    const pbb = rules.prisbasbelopp.amount;
    hourlyRate = inCurrency(shareOf(pbb, rules.tiers.perHour, 10_000), 'SEK');
    if (input.pricedPerHour) {
      lines.push(hourLine('hourly', hourlyRate, worked));
    } else {
      const tier = tierOf(worked);
      const unitAmount = inCurrency(shareOf(pbb, rules.tiers[tierShare[tier]], 10_000), 'SEK');
      lines.push({ key: tier, quantity: 1, unit: 'assignment', unitAmount, amount: unitAmount, taxable: true });
    }
  } else {
    hourlyRate = rules.hourlyRate;
    lines.push(hourLine('hourly', hourlyRate, worked));
  }
  if (input.extraPreparationMinutes > 0) lines.push(hourLine('extra_preparation', hourlyRate, input.extraPreparationMinutes));
  if (input.km > 0) {
    const amount = inCurrency(rules.kmRate.amount * input.km, rules.kmRate.currency);
    lines.push({ key: 'travel', quantity: input.km, unit: 'km', unitAmount: rules.kmRate, amount, taxable: false });
  }
  return withTotal(lines, hourlyRate.currency);
}

/** The part of a fee that is income (everything but the tax-free mileage): what an income limit counts. */
export function taxableAmount(breakdown: FeeBreakdown): Money {
  const taxable = breakdown.lines.filter((l) => l.taxable).reduce((sum, l) => sum + l.amount.amount, 0);
  return inCurrency(taxable, breakdown.total.currency);
}

/**
 * The fee changed by hand to `newTotal`, as one adjustment line on the computed lines (an earlier
 * adjustment is replaced, so the latest reason stands beside the rules' figure). The reason is
 * required: the change is audited. Only the fee can be adjusted, not the mileage, so the new total
 * may not go below the mileage.
 */
export function adjustFee(breakdown: FeeBreakdown, newTotal: Money, reason: string): FeeBreakdown {
  const why = reason.trim();
  if (why === '') throw fieldError('reason', 'field.required');
  const { currency } = breakdown.total;
  const computed = breakdown.lines.filter((l) => l.key !== 'adjustment');
  const mileage = computed.filter((l) => !l.taxable).reduce((sum, l) => sum + l.amount.amount, 0);
  if (newTotal.currency !== currency || newTotal.amount < mileage) throw fieldError('total', 'field.invalid');
  const difference = newTotal.amount - computed.reduce((sum, l) => sum + l.amount.amount, 0);
  if (difference === 0) return withTotal(computed, currency);
  const amount = inCurrency(difference, currency);
  const adjustment: FeeLine = { key: 'adjustment', quantity: 1, unit: 'assignment', unitAmount: amount, amount, taxable: true, reason: why };
  return withTotal([...computed, adjustment], currency);
}
