import { Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { isLocale, locales, type Locale } from '../../../shared/i18n/locale.ts';
import { roles, type Role } from '../../../shared/permissions.ts';
import type { ApiError } from '../../app/api.ts';
import { localeNames, useT, type Translate } from '../../app/i18n.tsx';
import { fieldError, fieldId } from '../../ui/form-errors.tsx';
import { roleName } from '../../ui/names.tsx';

export interface UserFormValues {
  name: string;
  locale: Locale;
  roles: Role[];
}

export function userFieldLabels(t: Translate): Record<string, string> {
  return {
    email: t('users.field.email'),
    name: t('users.field.name'),
    locale: t('users.field.locale'),
    roles: t('users.field.roles'),
    password: t('users.field.password'),
  };
}

interface Props {
  values: UserFormValues;
  onChange: (values: UserFormValues) => void;
  error: ApiError | null;
}

/** Name, language and roles: the part of a user that both "new" and "edit" ask for. */
export function UserFields({ values, onChange, error }: Props) {
  const t = useT();
  const labels = userFieldLabels(t);
  const rolesError = fieldError(error, 'roles');

  const toggleRole = (role: Role, checked: boolean) => {
    const next = checked ? [...values.roles, role] : values.roles.filter((r) => r !== role);
    onChange({ ...values, roles: roles.filter((r) => next.includes(r)) });
  };

  return (
    <>
      <Textfield
        id={fieldId('name')}
        label={labels.name}
        autoComplete="off"
        value={values.name}
        onChange={(e) => onChange({ ...values, name: e.target.value })}
        error={fieldError(error, 'name')}
      />
      <Field>
        <Label htmlFor={fieldId('locale')}>{labels.locale}</Label>
        <Select
          id={fieldId('locale')}
          width="auto"
          value={values.locale}
          onChange={(e) => isLocale(e.target.value) && onChange({ ...values, locale: e.target.value })}
          aria-invalid={fieldError(error, 'locale') ? true : undefined}
        >
          {locales.map((l) => (
            <Select.Option key={l} value={l}>
              {localeNames[l]}
            </Select.Option>
          ))}
        </Select>
        {fieldError(error, 'locale') && <ValidationMessage>{fieldError(error, 'locale')}</ValidationMessage>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{labels.roles}</Fieldset.Legend>
        <Fieldset.Description>{t('users.field.rolesHint')}</Fieldset.Description>
        <div className="pb-checkbox-grid">
          {roles.map((role, i) => (
            <Checkbox
              key={role}
              id={i === 0 ? fieldId('roles') : undefined}
              label={roleName(role, t)}
              value={role}
              checked={values.roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
          ))}
        </div>
        {rolesError && <ValidationMessage>{rolesError}</ValidationMessage>}
      </Fieldset>
    </>
  );
}
