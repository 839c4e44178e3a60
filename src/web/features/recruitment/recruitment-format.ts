import type { Locale } from '../../../shared/i18n/locale.ts';
import type { LocalizedText } from '../../../shared/contracts/recruitment.ts';

/** A text the team wrote in up to three languages: the reader's own first, then any other. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.sv || text.da || text.en || '';
}

/** `YYYY-MM-DD` and `HH:MM` of an instant in the browser's time zone, for date and time inputs. */
export function toLocalInputs(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The instant of a local date and time as ISO 8601; undefined while either is missing or invalid. */
export function fromLocalInputs(date: string, time: string): string | undefined {
  if (!date || !time) return undefined;
  const d = new Date(`${date}T${time}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
