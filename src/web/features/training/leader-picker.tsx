import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import type { LeaderOption } from '../../../shared/contracts/training.ts';
import type { Page } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useResource, type Resource } from '../../app/use-api.ts';
import { fieldId } from '../../ui/form-errors.tsx';
import { LoadError } from '../../ui/status.tsx';

/** Who may lead a session: the tenant's trainers and peers. */
export function useLeaderOptions(): Resource<Page<LeaderOption>> {
  return useResource<Page<LeaderOption>>('/api/course-leaders');
}

interface Props {
  options: Resource<Page<LeaderOption>>;
  legend: string;
  description?: string;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  /** The form field the API names in its errors (for the error summary's link). */
  field: string;
  error?: string;
}

/** Checkboxes of the trainers and peers, each with their role, for a cohort's or a session's leaders. */
export function LeaderPicker({ options, legend, description, chosen, onChange, field, error }: Props) {
  const t = useT();
  const people = options.data?.items ?? [];
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {options.error && <LoadError error={options.error} onRetry={options.reload} />}
      <div className="pb-checkbox-grid">
        {people.map((p, i) => (
          <Checkbox
            key={p.id}
            id={i === 0 ? fieldId(field) : undefined}
            label={`${p.name} (${t(`role.${p.role}`)})`}
            checked={chosen.includes(p.id)}
            onChange={(e) => toggle(p.id, e.target.checked)}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
