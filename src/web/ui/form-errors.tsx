import type { MouseEvent } from 'react';
import { Alert, ErrorSummary } from '@digdir/designsystemet-react';
import { ApiError } from '../app/api.ts';
import { useT, type Translate } from '../app/i18n.tsx';

/** The id of the input for a form field, so the error summary can link to it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

/** The reason the API gave for one field; nested reasons (`roles.0`) count for their field. */
export function fieldError(error: ApiError | null, name: string): string | undefined {
  if (!error) return undefined;
  const key = Object.keys(error.fields).find((f) => f === name || f.startsWith(`${name}.`));
  return key === undefined ? undefined : error.fields[key];
}

/** The text to show for an error, with our own words when the API could not be reached. */
export function errorMessage(error: ApiError, t: Translate): string {
  if (error.message) return error.message;
  return error.status === 0 ? t('common.errorNetwork') : t('common.errorGeneric');
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

interface Props {
  error: ApiError | null;
  /** Visible label of each field, by field name, used in the summary links. */
  labels: Record<string, string>;
}

/**
 * The top of a form after a failed submit: an error summary linking to each field when the API
 * named fields (GOV.UK pattern), otherwise an alert with its message.
 */
export function FormErrors({ error, labels }: Props) {
  const t = useT();
  if (!error) return null;
  const message = errorMessage(error, t);
  const fields = Object.entries(error.fields);
  if (fields.length === 0) {
    return (
      <Alert data-color="danger" role="alert">
        {message}
      </Alert>
    );
  }
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{message}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {fields.map(([field, reason]) => {
          const base = field.split('.')[0] ?? field;
          const label = labels[base];
          return (
            <ErrorSummary.Item key={field}>
              <ErrorSummary.Link href={`#${fieldId(base)}`} onClick={(e) => focusField(e, fieldId(base))}>
                {label ? `${label}: ${reason}` : reason}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** Builds a validation error on the client, in the same shape the API uses. */
export function clientValidation(fields: Record<string, string | undefined>, t: Translate): ApiError | null {
  const present = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1])));
  if (Object.keys(present).length === 0) return null;
  return new ApiError(400, 'VALIDATION_FAILED', t('common.fixFields'), present);
}
