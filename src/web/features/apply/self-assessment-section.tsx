import { Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { selfRatings, type LocalizedText, type PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { useI18n } from '../../app/i18n.tsx';
import { fieldId } from '../../ui/form-errors.tsx';
import type { Placed } from './apply-errors.tsx';
import type { ApplyValues } from './apply-values.ts';

/** A text the team wrote, in the reader's language when there is one, else Swedish, Danish, English. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.sv || text.da || text.en || '';
}

interface Props {
  intake: PublicIntakeView;
  ratings: ApplyValues['ratings'];
  onChange: (ratings: ApplyValues['ratings']) => void;
  placed: Placed;
}

/** How the applicant sees themselves against each selection criterion, with room to explain. */
export function SelfAssessmentSection({ intake, ratings, onChange, placed }: Props) {
  const { t, locale } = useI18n();
  const entry = (id: string) => ratings[id] ?? { rating: '', comment: '' };
  const set = (id: string, patch: Partial<ApplyValues['ratings'][string]>) => onChange({ ...ratings, [id]: { ...entry(id), ...patch } });

  return (
    <section aria-labelledby="apply-self" className="pb-stack">
      <Heading level={2} data-size="sm" id="apply-self">
        {t('apply.self.heading')}
      </Heading>
      <Paragraph>{t('apply.self.intro')}</Paragraph>
      {placed.selfAssessment && <ValidationMessage id={fieldId('selfAssessment')}>{placed.selfAssessment}</ValidationMessage>}
      {intake.criteria.map((c, index) => (
        <div key={c.id} className="pb-stack pb-calm">
          <Fieldset>
            <Fieldset.Legend>
              {t('apply.self.criterion', { n: index + 1, label: localized(c.label, locale) })}
            </Fieldset.Legend>
            <Fieldset.Description>{t(`apply.level.${c.level}`)}</Fieldset.Description>
            {selfRatings.map((rating, i) => (
              <Radio
                key={rating}
                id={i === 0 ? fieldId(`rating-${c.id}`) : undefined}
                name={`rating-${c.id}`}
                value={rating}
                label={t(`apply.rating.${rating}`)}
                checked={entry(c.id).rating === rating}
                onChange={() => set(c.id, { rating })}
              />
            ))}
            {placed[`rating-${c.id}`] && <ValidationMessage>{placed[`rating-${c.id}`]}</ValidationMessage>}
          </Fieldset>
          <Textfield
            id={fieldId(`comment-${c.id}`)}
            multiline
            rows={2}
            label={t('apply.self.comment', { n: index + 1 })}
            value={entry(c.id).comment}
            onChange={(e) => set(c.id, { comment: e.target.value })}
            error={placed[`comment-${c.id}`]}
          />
        </div>
      ))}
    </section>
  );
}
