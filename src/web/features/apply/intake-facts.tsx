import { Paragraph } from '@digdir/designsystemet-react';
import type { PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';

/** What an applicant weighs before applying: who runs it, which course, for whom, until when, how many places. */
export function IntakeFacts({ intake }: { intake: PublicIntakeView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      {intake.description && <Paragraph className="pb-prewrap">{intake.description}</Paragraph>}
      <dl className="pb-details">
        <dt>{t('apply.facts.organiser')}</dt>
        <dd>{intake.tenantName}</dd>
        <dt>{t('apply.facts.course')}</dt>
        <dd>{intake.courseName}</dd>
        <dt>{t('apply.facts.tracks')}</dt>
        <dd>{intake.tracks.map((tr) => t(`apply.track.${tr}`)).join(', ')}</dd>
        <dt>{t('apply.facts.deadline')}</dt>
        <dd>{formatDateTime(intake.deadline)}</dd>
        <dt>{t('apply.facts.places')}</dt>
        <dd>{intake.places}</dd>
      </dl>
    </>
  );
}
