import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const labels = { name: t('tokens.name'), expiresInDays: t('tokens.expires') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSecret(null);
    setCopied(false);
    try {
      const body = { name: name.trim(), expiresInDays: days.trim() ? Number(days) : undefined };
      const created = await api<ApiToken & { token: string }>('/api/api-tokens', { method: 'POST', body });
      setSecret(created.token);
      setName('');
      setDays('');
      onCreated();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <>
      {secret && (
        <Alert data-color="success" role="status" className="pb-stack">
          <Heading level={3} data-size="2xs">
            {t('tokens.newTitle')}
          </Heading>
          <Paragraph>{t('tokens.newBody')}</Paragraph>
          <Textfield label={t('tokens.value')} readOnly value={secret} onFocus={(e) => e.target.select()} className="pb-secret" />
          <div className="pb-actions">
            <Button variant="secondary" onClick={() => void copy()}>
              {t('tokens.copy')}
            </Button>
            {copied && <span role="status">{t('tokens.copied')}</span>}
          </div>
        </Alert>
      )}
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('name')}
          label={labels.name}
          description={t('tokens.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(error, 'name')}
        />
        <Textfield
          id={fieldId('expiresInDays')}
          label={labels.expiresInDays}
          description={t('tokens.expiresHint')}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={fieldError(error, 'expiresInDays')}
          className="pb-narrow-field"
        />
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
