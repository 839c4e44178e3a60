import { useEffect, useState } from 'react';
import { Button, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { criterionLevels, type Criterion } from '../../../shared/contracts/recruitment.ts';
import { locales } from '../../../shared/i18n/locale.ts';
import type { ApiError } from '../../app/api.ts';
import { localeNames, useT } from '../../app/i18n.tsx';
import { fieldError, fieldId } from '../../ui/form-errors.tsx';

type Level = Criterion['level'];

/** One criterion or scenario question as the form edits it; `id` is kept so assessments stay attached. */
export interface EditableItem {
  key: string;
  id?: string;
  level: Level;
  text: { sv: string; da: string; en: string };
}

let seq = 0;
export function newItem(from?: { id?: string; level?: Level; text: Partial<EditableItem['text']> }): EditableItem {
  seq += 1;
  return {
    key: `item-${seq}`,
    id: from?.id,
    level: from?.level ?? 'must',
    text: { sv: from?.text.sv ?? '', da: from?.text.da ?? '', en: from?.text.en ?? '' },
  };
}

interface Props {
  field: 'criteria' | 'questions';
  legend: string;
  description: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  items: EditableItem[];
  onChange: (items: EditableItem[]) => void;
  error: ApiError | null;
}

/**
 * A list of texts in the three languages, added, removed and reordered by buttons (no dragging, so
 * keyboards and screen readers can do everything); focus follows the item that moved or was added.
 */
export function IntakeItemsEditor({ field, legend, description, itemLabel, addLabel, items, onChange, error }: Props) {
  const t = useT();
  // Element ids to try in order once the list has re-rendered (a move button may now be disabled).
  const [focus, setFocus] = useState<string[]>([]);
  const withLevel = field === 'criteria';

  useEffect(() => {
    if (focus.length === 0) return;
    const target = focus
      .map((id) => document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null)
      .find((el) => el && !el.disabled);
    target?.focus();
    setFocus([]);
  }, [focus]);

  const update = (index: number, next: EditableItem) => onChange(items.map((item, i) => (i === index ? next : item)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    setFocus([`${moved!.key}-${same}`, `${moved!.key}-${other}`]);
  };
  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    setFocus([`${field}-add`]);
  };
  const add = () => {
    const item = newItem();
    onChange([...items, item]);
    setFocus([`${item.key}-${withLevel ? 'level' : 'sv'}`]);
  };
  const listError = fieldError(error, field);

  return (
    <Fieldset id={fieldId(field)} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{description}</Fieldset.Description>
      <ol className="pb-plain-list pb-items">
        {items.map((item, i) => {
          const itemError = fieldError(error, `${field}.${i}`);
          return (
            <li key={item.key}>
              <Fieldset className="pb-item">
                <Fieldset.Legend>{itemLabel(i + 1)}</Fieldset.Legend>
                {withLevel && (
                  <Field>
                    <Label htmlFor={`${item.key}-level`}>{t('recruitment.form.level')}</Label>
                    <Select
                      id={`${item.key}-level`}
                      width="auto"
                      value={item.level}
                      onChange={(e) => update(i, { ...item, level: e.target.value as Level })}
                    >
                      {criterionLevels.map((level) => (
                        <Select.Option key={level} value={level}>
                          {t(`recruitment.level.${level}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                )}
                {locales.map((l) => (
                  <Textfield
                    key={l}
                    id={`${item.key}-${l}`}
                    label={localeNames[l]}
                    lang={l}
                    multiline
                    rows={2}
                    value={item.text[l]}
                    onChange={(e) => update(i, { ...item, text: { ...item.text, [l]: e.target.value } })}
                  />
                ))}
                {itemError && <ValidationMessage>{itemError}</ValidationMessage>}
                <div className="pb-actions">
                  <Button id={`${item.key}-up`} variant="tertiary" data-size="sm" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('recruitment.form.moveUp')}
                  </Button>
                  <Button id={`${item.key}-down`} variant="tertiary" data-size="sm" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                    {t('recruitment.form.moveDown')}
                  </Button>
                  <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => remove(i)}>
                    {t('recruitment.form.remove')}
                  </Button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      {listError && !items.some((_, i) => fieldError(error, `${field}.${i}`)) && <ValidationMessage>{listError}</ValidationMessage>}
      <div>
        <Button id={`${field}-add`} variant="secondary" onClick={add}>
          {addLabel}
        </Button>
      </div>
    </Fieldset>
  );
}
