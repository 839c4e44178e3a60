import { describe, expect, it } from 'vitest';
import { isValidPersonnummer, maskPersonnummer } from './personnummer.ts';

describe('personal identity numbers', () => {
  it('accepts a personnummer with a correct check digit, with or without the hyphen', () => {
    expect(isValidPersonnummer('198112189876')).toBe(true);
    expect(isValidPersonnummer('19811218-9876')).toBe(true);
    expect(isValidPersonnummer('199001011239')).toBe(true);
  });

  it('refuses a wrong check digit, a transposition, and every other shape', () => {
    expect(isValidPersonnummer('198112189875')).toBe(false);
    expect(isValidPersonnummer('198112189867')).toBe(false);
    for (const shape of ['8112189876', '811218-9876', '19811218+9876', '1981121898760', '19811218 9876', '', 'ÅÅÅÅMMDDNNNN']) {
      expect(isValidPersonnummer(shape), shape).toBe(false);
    }
  });

  it('accepts a samordningsnummer (day of birth plus 60) and refuses a day past 91', () => {
    expect(isValidPersonnummer('197010632391')).toBe(true);
    expect(isValidPersonnummer('197010632390')).toBe(false);
    expect(isValidPersonnummer('197010922396')).toBe(false); // check digit right, day 32
  });

  it('refuses a date that does not exist, while the Luhn sum alone would pass', () => {
    expect(isValidPersonnummer('200002291235')).toBe(true); // 2000 was a leap year
    expect(isValidPersonnummer('190002291235')).toBe(false); // 1900 was not, and the check digit is the same
    expect(isValidPersonnummer('198113189875')).toBe(false); // month 13, check digit right
    expect(isValidPersonnummer('198100009870')).toBe(false); // month and day 00, check digit right
  });

  it('masks the last four digits and keeps the date of birth, and reveals nothing of a malformed value', () => {
    expect(maskPersonnummer('199001011234')).toBe('19900101-****');
    expect(maskPersonnummer('19700163-2391')).toBe('19700163-****');
    expect(maskPersonnummer('8112189876')).toBe('********-****');
    expect(maskPersonnummer('')).toBe('********-****');
  });
});
