import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { letterPrompts, type ApplicationDetail, type Criterion } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { localized } from './recruitment-format.ts';

/** The personal letter: the five prompts as sections, or the uploaded file to download. */
export function ApplicationLetter({ a }: { a: ApplicationDetail }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="app-letter" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-letter">
        {t('recruitment.application.letter')}
      </Heading>
      {a.letter &&
        letterPrompts.map((prompt) => (
          <div key={prompt} className="pb-stack pb-letter-part">
            <Heading level={3} data-size="2xs">
              {t(`recruitment.letter.${prompt}`)}
            </Heading>
            {a.letter![prompt] ? (
              <p className="pb-prewrap" lang={a.locale}>
                {a.letter![prompt]}
              </p>
            ) : (
              <Paragraph className="pb-subtle">{t('recruitment.letter.empty')}</Paragraph>
            )}
          </div>
        ))}
      {a.letterFile && (
        <Paragraph>
          <a href={`/api/applications/${a.id}/letter-file`} download={a.letterFile.filename}>
            {t('recruitment.letter.download', { name: a.letterFile.filename, size: fileSize(a.letterFile.sizeBytes, locale) })}
          </a>
        </Paragraph>
      )}
      {!a.letter && !a.letterFile && <Paragraph>{t('recruitment.letter.none')}</Paragraph>}
    </section>
  );
}

function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** How the applicant rated themself against each criterion, with their own words. */
export function SelfAssessmentList({ a, criteria }: { a: ApplicationDetail; criteria: readonly Criterion[] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="app-self" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-self">
        {t('recruitment.application.selfAssessment')}
      </Heading>
      <dl className="pb-details">
        {criteria.map((c) => {
          const own = a.selfAssessment.find((s) => s.criterionId === c.id);
          return (
            <div key={c.id} className="pb-contents">
              <dt>{localized(c.label, locale)}</dt>
              <dd>
                {own ? t(`recruitment.self.${own.rating}`) : '–'}
                {own?.comment && (
                  <span className="pb-prewrap pb-block" lang={a.locale}>
                    {own.comment}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
