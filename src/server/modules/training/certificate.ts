import PDFDocument from 'pdfkit';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { formatDay } from '../recruitment/decision.texts.ts';
import { printable } from '../recruitment/application-export.ts';
import { trainingWorkText } from './training-work.texts.ts';

export type CertificateData = {
  locale: Locale;
  tenantName: string;
  participantName: string;
  /** In the participant's language. */
  courseTitle: string;
  cohortTitle: string;
  startsOn: string;
  endsOn: string;
  completedOn: string;
  hoursAttended: number;
  certificateNumber: string;
};

const hoursText = (locale: Locale, hours: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-${locale === 'sv' ? 'SE' : 'DK'}`, { maximumFractionDigits: 1 }).format(hours);

/** The certificate of a completed training: one A4 page, in the participant's language. */
export async function renderCertificate(d: CertificateData): Promise<Buffer> {
  const t = (key: Parameters<typeof trainingWorkText>[1], params: Record<string, string> = {}) => printable(trainingWorkText(d.locale, key, params));
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: t('certificate.title'), Author: printable(d.tenantName) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const centred = { align: 'center' as const };
  doc.rect(36, 36, doc.page.width - 72, doc.page.height - 72).lineWidth(1.5).stroke('#1f4e79');
  doc.fillColor('#000000').moveDown(4).font('Helvetica').fontSize(12).text(printable(d.tenantName), centred);
  doc.moveDown(3).font('Helvetica-Bold').fontSize(28).text(t('certificate.title'), centred);
  doc.moveDown(2).font('Helvetica').fontSize(13).text(t('certificate.intro'), centred);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(22).text(printable(d.participantName), centred);
  doc.moveDown(0.8).font('Helvetica').fontSize(13).text(t('certificate.completed'), centred);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(18).text(printable(d.courseTitle), centred);
  doc.font('Helvetica').fontSize(12).text(printable(d.cohortTitle), centred);
  doc.moveDown(2).fontSize(12);
  doc.text(t('certificate.period', { from: formatDay(d.locale, d.startsOn), to: formatDay(d.locale, d.endsOn) }), centred);
  doc.text(t('certificate.hours', { hours: hoursText(d.locale, d.hoursAttended) }), centred);
  doc.moveDown(4).text(t('certificate.issued', { date: formatDay(d.locale, d.completedOn), tenant: d.tenantName }), centred);
  doc.moveDown(0.5).fontSize(10).text(t('certificate.number', { number: d.certificateNumber }), centred);
  doc.end();
  return done;
}

export const certificateFilename = (locale: Locale, number: string) => trainingWorkText(locale, 'certificate.filename', { number });
