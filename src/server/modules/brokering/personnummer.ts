/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer), in
 * the 12-digit form YYYYMMDDNNNC with an optional hyphen before the last four. Finance alone sees
 * them in full, and the payroll export is the only output that carries them unmasked: everywhere
 * else they go through `maskPersonnummer`, and they are never logged.
 */

const shape = /^(\d{4})(\d{2})(\d{2})-?(\d{4})$/;

// Skatteverket gives a samordningsnummer the day of birth plus 60, so it never collides with a personnummer.
const coordinationDayOffset = 60;

/** True for a real calendar date, a serial number and a correct Luhn check digit over the last ten digits. */
export function isValidPersonnummer(value: string): boolean {
  const digits = shape.test(value) ? value.replace('-', '') : null;
  if (!digits) return false;
  const day = Number(digits.slice(6, 8));
  const dayOfMonth = day > coordinationDayOffset ? day - coordinationDayOffset : day;
  return isCalendarDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), dayOfMonth) && luhnIsValid(digits.slice(2));
}

/** '199001011234' → '19900101-****': the date of birth stays readable so finance can tell people apart. */
export function maskPersonnummer(value: string): string {
  const match = shape.exec(value);
  return match ? `${match[1]}${match[2]}${match[3]}-****` : '********-****';
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function luhnIsValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}
