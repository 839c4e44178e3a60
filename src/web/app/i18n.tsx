import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLocale, negotiateLocale, type Locale } from '../../shared/i18n/locale.ts';
import { sv, type Key } from '../i18n/sv.ts';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';
import { setApiLocale } from './api.ts';

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };
const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
const storageKey = 'pb.locale';

/** Each language named in itself, so a reader finds their own whatever the page language is. */
export const localeNames: Record<Locale, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

export type Vars = Record<string, string | number>;
export type Translate = (key: Key, vars?: Vars) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Translation for a key built at run time (an audit action, a stage kind); undefined when unknown. */
  tryT: (key: string, vars?: Vars) => string | undefined;
  formatDateTime: (iso: string) => string;
  formatDate: (isoOrDay: string) => string;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  return negotiateLocale(navigator.languages.join(','));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  setApiLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const catalog = catalogs[locale];
    const dateTime = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    const day = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'medium', timeZone: 'UTC' });
    const date = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(intlTags[locale]);
    return {
      locale,
      setLocale,
      t: (key, vars) => interpolate(catalog[key], vars),
      tryT: (key, vars) => (key in catalog ? interpolate(catalog[key as Key], vars) : undefined),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      // A plain day (YYYY-MM-DD) is read as UTC midnight and shown in UTC, so it never shifts a day.
      formatDate: (value) => (value.length === 10 ? day.format(new Date(`${value}T00:00:00Z`)) : date.format(new Date(value))),
      formatNumber: (value) => number.format(value),
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
