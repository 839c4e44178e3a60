import { describe, expect, it } from 'vitest';
import { printable } from './application-export.ts';

describe('text in the PDF export', () => {
  it('keeps Nordic letters and typographic marks, and writes other characters as their base letter or "?"', () => {
    expect(printable('Sökande, æøå – “citat”')).toBe('Sökande, æøå – “citat”');
    expect(printable('Łukasz Nguyễn Kovács-Ő 😀\r\nny rad')).toBe('Lukasz Nguyen Kovács-O ?\nny rad');
  });
});
