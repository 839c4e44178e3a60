import { z } from 'zod';

/**
 * Fees of the brokering service (issue 5): the fee rules a tenant sets per year, what an assignment
 * is priced from, and the computed breakdown that is fixed in the assignment description. All money is
 * integer minor units with a currency (shared/api.md): öre for SEK, øre for DKK.
 */

export const currencies = ['SEK', 'DKK'] as const;
export type Currency = (typeof currencies)[number];

export const money = z.object({ amount: z.int(), currency: z.enum(currencies) });
export type Money = z.infer<typeof money>;

const moneyIn = <C extends Currency>(currency: C) =>
  z.object({ amount: z.int().min(0), currency: z.literal(currency) });

/** A share of the prisbasbelopp in basis points: 3.6 % is 360. */
const basisPoints = z.int().min(0).max(10_000);
const year = z.int().min(2000).max(2100);

/**
 * Region Jönköping's published rules ("Arvodering till person med egen eller anhörigerfarenhet"):
 * a share of the year's prisbasbelopp per full day, half day or short assignment, or per hour. The
 * tier boundaries (2 h and 4 h, travel included) are the rule itself and live in the fee code; the
 * shares are per tenant. A longer tier may never pay less than a shorter one, or a longer assignment
 * could earn less.
 */
export const seFeeRules = z.object({
  kind: z.literal('se_prisbasbelopp'),
  year,
  /** Set by the government each year (SFS), entered by finance; 2026: 59 200 kr (SFS 2025:872). */
  prisbasbelopp: moneyIn('SEK'),
  tiers: z.object({ fullDay: basisPoints, halfDay: basisPoints, short: basisPoints, perHour: basisPoints }),
  /** Per kilometre driven in one's own car. */
  kmRate: moneyIn('SEK'),
}).refine((r) => r.tiers.fullDay >= r.tiers.halfDay && r.tiers.halfDay >= r.tiers.short, {
  path: ['tiers'],
  message: 'tiers must not decrease with the length',
});

/** Danish tenants pay an hourly rate in DKK (no published per-day scheme to follow). */
export const dkFeeRules = z.object({
  kind: z.literal('dk_hourly'),
  year,
  hourlyRate: moneyIn('DKK'),
  kmRate: moneyIn('DKK'),
});

export const feeRuleSet = z.discriminatedUnion('kind', [seFeeRules, dkFeeRules]);
export type FeeRuleSet = z.infer<typeof feeRuleSet>;

const dayOfMinutes = z.int().min(0).max(24 * 60);

/** What one assignment (one day at most) is priced from. */
export const feeInput = z.object({
  minutes: dayOfMinutes.min(1),
  travelMinutes: dayOfMinutes.default(0),
  km: z.int().min(0).max(5_000).default(0),
  /** Agreed with the peer: the hourly alternative instead of a tier (Swedish rules only). */
  pricedPerHour: z.boolean().default(false),
  /** Preparation and follow-up are included in the fee unless extra is agreed (the rules say so). */
  extraPreparationMinutes: dayOfMinutes.default(0),
}).strict();
export type FeeInput = z.infer<typeof feeInput>;

export const feeLineKeys = ['full_day', 'half_day', 'short', 'hourly', 'extra_preparation', 'travel', 'adjustment'] as const;
export type FeeLineKey = (typeof feeLineKeys)[number];

/**
 * One line of a fee. `quantity` is in `unit` (hours may be fractional: 90 minutes is 1.5); `amount` is
 * computed from whole minutes and rounded half up to whole öre/øre, so it is the figure to pay.
 * `taxable` is false for the mileage allowance, which is a tax-free reimbursement and not income.
 */
export const feeLine = z.object({
  key: z.enum(feeLineKeys),
  quantity: z.number().min(0),
  unit: z.enum(['assignment', 'hour', 'km']),
  unitAmount: money,
  amount: money,
  taxable: z.boolean(),
  /** Why the fee was changed by hand; only on the adjustment line. */
  reason: z.string().optional(),
});
export type FeeLine = z.infer<typeof feeLine>;

export const feeBreakdown = z.object({ lines: z.array(feeLine), total: money });
export type FeeBreakdown = z.infer<typeof feeBreakdown>;

/** The warning before accepting an offer: the peer's own yearly income limit (a help, not advice). */
export const incomeCheck = z.object({ wouldExceed: z.boolean(), totalAfter: money, margin: money });
export type IncomeCheck = z.infer<typeof incomeCheck>;
