import type { Currency } from '../../../shared/contracts/brokering.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { isValidPersonnummer, maskPersonnummer } from './personnummer.ts';

/**
 * A payroll batch as finance exports it: the approved fees of one period, per peer, for the payroll
 * system. Pure functions: the service loads the batch and decides who may export it.
 * Amounts are whole öre (øre for Danish tenants); nothing here rounds money.
 */

export type PayLineKind = 'fee' | 'travel';
export type PayCodes = Record<PayLineKind, string>;

/** Pay codes (lönearter) until finance sets the ones of the tenant's own payroll system. */
export const defaultPayCodes: PayCodes = { fee: '310', travel: '410' };

export type PayrollExportFee = {
  date: string;
  assignmentRef: string;
  description: string;
  kind: PayLineKind;
  /** Assignments, hours or kilometres; written with two decimals. */
  quantity: number;
  unitAmountOre: number;
  amountOre: number;
  costCentre: string;
};

export type PayrollExportPeer = {
  peerId: string;
  /** The payroll system's id of the person; '' when it matches on personal identity number alone. */
  employeeNumber: string;
  /** 12 digits, YYYYMMDDNNNC; '' when not known. */
  personnummer: string;
  name: string;
  fees: PayrollExportFee[];
};

export type PayrollBatchExport = {
  tenantId: string;
  organisationName: string;
  /** The employer's organisation number (organisationsnummer), e.g. '232100-0057'. */
  organisationNumber: string | null;
  periodFrom: string;
  periodTo: string;
  createdAt: Date;
  currency: Currency;
  payCodes?: Partial<PayCodes>;
  lines: PayrollExportPeer[];
};

export type PayrollPeerTotal = {
  peerId: string;
  name: string;
  personnummerMasked: string;
  lineCount: number;
  feeOre: number;
  travelOre: number;
  totalOre: number;
};

export type PayrollSummary = Omit<PayrollPeerTotal, 'peerId' | 'name' | 'personnummerMasked'> & { currency: Currency; peers: PayrollPeerTotal[] };

/** Totals per peer (a peer listed twice is counted once) and for the whole batch. */
export function summarise(batch: PayrollBatchExport): PayrollSummary {
  const peers = new Map<string, PayrollPeerTotal>();
  for (const peer of batch.lines) {
    const total = peers.get(peer.peerId) ?? { peerId: peer.peerId, name: peer.name, personnummerMasked: maskPersonnummer(peer.personnummer), lineCount: 0, feeOre: 0, travelOre: 0, totalOre: 0 };
    for (const fee of peer.fees) add(total, fee.kind, fee.amountOre);
    peers.set(peer.peerId, total);
  }
  const sum = { lineCount: 0, feeOre: 0, travelOre: 0, totalOre: 0 };
  for (const total of peers.values()) {
    sum.lineCount += total.lineCount;
    sum.feeOre += total.feeOre;
    sum.travelOre += total.travelOre;
    sum.totalOre += total.totalOre;
  }
  return { ...sum, currency: batch.currency, peers: [...peers.values()] };
}

function add(total: PayrollPeerTotal, kind: PayLineKind, amountOre: number) {
  total.lineCount += 1;
  total.totalOre += amountOre;
  if (kind === 'fee') total.feeOre += amountOre;
  else total.travelOre += amountOre;
}

const csvHeaders = {
  sv: ['Anställningsnummer', 'Personnummer', 'Namn', 'Datum', 'Uppdrag', 'Beskrivning', 'Löneart', 'Antal', 'À-pris', 'Belopp', 'Kostnadsställe'],
  da: ['Medarbejdernummer', 'Personnummer', 'Navn', 'Dato', 'Opgave', 'Beskrivelse', 'Lønart', 'Antal', 'Stykpris', 'Beløb', 'Omkostningssted'],
  en: ['Employee number', 'Personal identity number', 'Name', 'Date', 'Assignment', 'Description', 'Pay code', 'Quantity', 'Unit price', 'Amount', 'Cost centre'],
} satisfies Record<Locale, string[]>;

/**
 * RFC 4180 with semicolons, CRLF and a BOM, which is what Excel set to Swedish or Danish opens
 * without an import dialog; amounts with a decimal comma. One row per fee line.
 */
export function toCsv(batch: PayrollBatchExport, locale: Locale = 'sv'): string {
  assertExportable(batch, 'csv');
  const codes = payCodesOf(batch);
  const rows = [csvHeaders[locale].map(csvText)];
  for (const peer of batch.lines) {
    for (const fee of peer.fees) {
      rows.push([
        csvText(peer.employeeNumber),
        csvText(readablePersonnummer(peer.personnummer)),
        csvText(peer.name),
        fee.date,
        csvText(fee.assignmentRef),
        csvText(fee.description),
        csvText(codes[fee.kind]),
        formatHundredths(hundredthsOf(fee.quantity), ','),
        formatHundredths(fee.unitAmountOre, ','),
        formatHundredths(fee.amountOre, ','),
        csvText(fee.costCentre),
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
}

// A cell a spreadsheet would read as a formula runs it (OWASP "CSV injection"); a leading quote makes it text.
// Only free text is guarded: our own numbers may be negative and must stay numbers.
function csvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// With the hyphen, Excel keeps the number as text instead of showing 1,98112E+11.
function readablePersonnummer(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** Dimension 1 is the cost centre (kostnadsställe) by the SIE convention Swedish payroll systems follow. */
const costCentreDimension = 1;
/** The PAXml 2.0 schema's limit for a resenhet id (dimidTYPE). */
export const paxmlMaxCostCentreLength = 10;

/**
 * PAXml 2.0 salary transactions (lonetransaktioner/lonetrans), checked against www.paxml.se/2.0/paxml.xsd:
 * one lonetrans per fee line with a running postid, amounts in kronor with a decimal point.
 */
export function toPaxml(batch: PayrollBatchExport): string {
  assertExportable(batch, 'paxml');
  const codes = payCodesOf(batch);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<paxml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.paxml.se/2.0/paxml.xsd">',
    '  <header>',
    // The schema leaves format free; "LÖNIN" (salary input) is what other PAXml exporters send.
    '    <format>LÖNIN</format>',
    '    <version>2.0</version>',
    `    <datum>${batch.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}</datum>`,
  ];
  if (batch.organisationNumber) out.push(`    <foretagorgnr>${xml(batch.organisationNumber)}</foretagorgnr>`);
  out.push(`    <foretagnamn>${xml(batch.organisationName)}</foretagnamn>`, '    <programnamn>Peerbridge</programnamn>');
  out.push(`    <info>${batch.periodFrom}/${batch.periodTo}</info>`, '  </header>');
  const transactions: string[] = [];
  let postid = 0;
  for (const peer of batch.lines) {
    const who = [peer.employeeNumber && ` anstid="${xml(peer.employeeNumber)}"`, peer.personnummer && ` persnr="${peer.personnummer}"`].join('');
    for (const fee of peer.fees) {
      transactions.push(`    <lonetrans postid="${++postid}"${who}>`, `      <lonart>${xml(codes[fee.kind])}</lonart>`);
      const comment = [fee.assignmentRef, fee.description].filter(Boolean).join(': ');
      if (comment) transactions.push(`      <kommentar>${xml(comment)}</kommentar>`);
      transactions.push(
        `      <datum>${fee.date}</datum>`,
        `      <antal>${formatHundredths(hundredthsOf(fee.quantity), '.')}</antal>`,
        `      <apris>${formatHundredths(fee.unitAmountOre, '.')}</apris>`,
        `      <belopp>${formatHundredths(fee.amountOre, '.')}</belopp>`,
      );
      if (fee.costCentre) transactions.push('      <resenheter>', `        <resenhet dim="${costCentreDimension}" id="${xml(fee.costCentre)}"/>`, '      </resenheter>');
      transactions.push('    </lonetrans>');
    }
  }
  // The schema wants at least one lonetrans inside lonetransaktioner, so an empty batch has none.
  if (transactions.length > 0) out.push('  <lonetransaktioner>', ...transactions, '  </lonetransaktioner>');
  out.push('</paxml>');
  return `${out.join('\n')}\n`;
}

// Characters XML 1.0 cannot carry at all are dropped; the five markup characters are escaped.
function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function payCodesOf(batch: PayrollBatchExport): PayCodes {
  return { fee: batch.payCodes?.fee || defaultPayCodes.fee, travel: batch.payCodes?.travel || defaultPayCodes.travel };
}

/** 123456 → '1234,56'; whole hundredths only, so money is never rounded on the way out. */
function formatHundredths(value: number, separator: ',' | '.'): string {
  const abs = Math.abs(value);
  return `${value < 0 ? '-' : ''}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`;
}

// Hours may be fractional past two decimals (100 minutes); the quantity is shown to two, while the
// amount, computed from whole minutes, stays exact: the payroll system pays belopp, not antal × apris.
function hundredthsOf(quantity: number): number {
  return Math.round(quantity * 100);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// A file the payroll system rejects (or worse, pays wrongly) is refused here instead. Messages name the
// peer by our id only: they end up in logs, and personal identity numbers must never do so.
function assertExportable(batch: PayrollBatchExport, format: 'csv' | 'paxml'): void {
  if (!isoDate.test(batch.periodFrom) || !isoDate.test(batch.periodTo)) throw new RangeError('payroll batch: period is not YYYY-MM-DD');
  if (format === 'paxml' && (batch.organisationNumber?.length ?? 0) > 12) throw new RangeError('payroll batch: organisation number longer than 12 characters');
  for (const peer of batch.lines) {
    const problem = peerProblem(peer) ?? (format === 'paxml' ? paxmlProblem(peer) : null);
    if (problem) throw new RangeError(`payroll batch, peer ${peer.peerId}: ${problem}`);
  }
}

function peerProblem(peer: PayrollExportPeer): string | null {
  if (!peer.employeeNumber && !peer.personnummer) return 'neither employee number nor personal identity number';
  for (const fee of peer.fees) {
    if (!isoDate.test(fee.date)) return `fee of ${fee.assignmentRef} has a date that is not YYYY-MM-DD`;
    if (![fee.unitAmountOre, fee.amountOre].every(Number.isSafeInteger)) return `fee of ${fee.assignmentRef} is not in whole öre`;
    if (!Number.isFinite(fee.quantity)) return `fee of ${fee.assignmentRef} has no quantity`;
  }
  return null;
}

// PAXml is Swedish: persnr is exactly 12 characters in the schema, and a resenhet id at most 10.
function paxmlProblem(peer: PayrollExportPeer): string | null {
  if (peer.personnummer && !(/^\d{12}$/.test(peer.personnummer) && isValidPersonnummer(peer.personnummer))) return 'personal identity number is not valid';
  const tooLong = peer.fees.find((fee) => [...fee.costCentre].length > paxmlMaxCostCentreLength);
  return tooLong ? `fee of ${tooLong.assignmentRef} has a cost centre longer than ${paxmlMaxCostCentreLength} characters` : null;
}
