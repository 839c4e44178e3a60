import type { IncomeCheck, Money } from '../../../shared/contracts/brokering.ts';

/**
 * Would accepting this offer take the peer's income this year past the amount they want to stay under?
 * Many peers live on sickness compensation, where income above a limit reduces the benefit; the limit
 * is the peer's own figure and the warning is a help, not advice. Pending fees (accepted, not yet paid)
 * count, since they will be paid this year; reaching the limit exactly is not passing it. Pass the
 * taxable part of the offer (`taxableAmount`): tax-free mileage is not income.
 */
export function incomeAfterAccepting(paidThisYear: Money, pendingThisYear: Money, offerFee: Money, yearlyLimit: Money): IncomeCheck {
  const { currency } = yearlyLimit;
  if ([paidThisYear, pendingThisYear, offerFee].some((m) => m.currency !== currency)) {
    throw new Error('income amounts in different currencies');
  }
  const totalAfter = paidThisYear.amount + pendingThisYear.amount + offerFee.amount;
  return {
    wouldExceed: totalAfter > yearlyLimit.amount,
    totalAfter: { amount: totalAfter, currency },
    margin: { amount: yearlyLimit.amount - totalAfter, currency },
  };
}
