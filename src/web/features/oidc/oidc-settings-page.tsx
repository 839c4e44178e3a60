import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../../app/api.ts';
import { useI18n, useT, type Translate } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import type { OidcProviderView } from '../../../shared/contracts/oidc.ts';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';

interface ProviderFormValues {
  issuer: string;
  clientId: string;
  displayName: string;
  enabled: boolean;
}

type Notify = (message: string | null) => void;

function oidcFieldLabels(t: Translate): Record<string, string> {
  return {
    issuer: t('oidc.issuer'),
    clientId: t('oidc.clientId'),
    clientSecret: t('oidc.clientSecret'),
    displayName: t('oidc.displayName'),
    enabled: t('oidc.enabled'),
  };
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', '');
}

/**
 * Before anything is stored the API has no answer to take the redirect URI from. The server builds
 * it from its public origin, which is the origin this page was loaded from.
 */
function expectedRedirectUri(): string {
  return `${window.location.origin}/api/auth/oidc/callback`;
}

/** The tenant's own identity provider (OIDC): where it is, how Peerbridge is known there, on or off. */
export function OidcSettingsPage() {
  const { t } = useI18n();
  const resource = useResource<OidcProviderView>('/api/oidc-provider');
  // What this page saved or removed since loading; wins over what was loaded.
  const [changed, setChanged] = useState<{ provider: OidcProviderView | null }>();
  const [notice, setNotice] = useState<string | null>(null);
  const [formVersion, setFormVersion] = useState(0);

  const notStored = resource.error?.status === 404;
  if (resource.error && !notStored && !changed) {
    return (
      <Page title={t('oidc.title')}>
        <LoadError error={resource.error} onRetry={resource.reload} />
      </Page>
    );
  }
  const provider = changed ? changed.provider : notStored ? null : resource.data;
  if (provider === undefined) return <Loading />;

  const removed = () => {
    setChanged({ provider: null });
    setFormVersion((v) => v + 1);
    setNotice(t('oidc.removed'));
  };

  return (
    <Page title={t('oidc.title')}>
      <Paragraph>{t('oidc.intro')}</Paragraph>
      <Saved>{notice}</Saved>
      {provider === null && <Paragraph>{t('oidc.notSet')}</Paragraph>}
      <RedirectUri uri={provider?.redirectUri ?? expectedRedirectUri()} />
      <ProviderForm
        key={formVersion}
        provider={provider}
        notify={setNotice}
        onSaved={(next) => setChanged({ provider: next })}
      />
      {provider && <RemoveProvider provider={provider} notify={setNotice} onRemoved={removed} />}
    </Page>
  );
}

/** The address to register at the provider, read-only and easy to copy. */
function RedirectUri({ uri }: { uri: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby="oidc-redirect" className="pb-stack">
      <Heading level={2} data-size="sm" id="oidc-redirect">
        {t('oidc.redirectHeading')}
      </Heading>
      <Textfield
        label={t('oidc.redirectUri')}
        description={t('oidc.redirectUriHint')}
        readOnly
        value={uri}
        onFocus={(e) => e.target.select()}
        className="pb-secret"
      />
      <div className="pb-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('oidc.copy')}
        </Button>
        <span role="status">{copied ? t('oidc.copied') : ''}</span>
      </div>
    </section>
  );
}

interface FormProps {
  provider: OidcProviderView | null;
  notify: Notify;
  onSaved: (provider: OidcProviderView) => void;
}

function ProviderForm({ provider, notify, onSaved }: FormProps) {
  const t = useT();
  const [values, setValues] = useState<ProviderFormValues>({
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    displayName: provider?.displayName ?? '',
    enabled: provider?.enabled ?? true,
  });
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = oidcFieldLabels(t);
  const hasSecret = provider?.hasClientSecret ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    notify(null);
    try {
      const body = {
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        displayName: values.displayName.trim(),
        enabled: values.enabled,
        // Left out, the stored secret stays; null removes it.
        clientSecret: removeSecret ? null : secret || undefined,
      };
      const saved = await api<OidcProviderView>('/api/oidc-provider', { method: 'PUT', body });
      setSecret('');
      setRemoveSecret(false);
      onSaved(saved);
      notify(t('oidc.saved'));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="oidc-settings" className="pb-stack">
      <Heading level={2} data-size="sm" id="oidc-settings">
        {t('oidc.settingsHeading')}
      </Heading>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('issuer')}
          label={labels.issuer}
          description={t('oidc.issuerHint')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={values.issuer}
          onChange={(e) => setValues({ ...values, issuer: e.target.value })}
          error={fieldError(error, 'issuer')}
        />
        <Textfield
          id={fieldId('clientId')}
          label={labels.clientId}
          description={t('oidc.clientIdHint')}
          autoComplete="off"
          spellCheck={false}
          value={values.clientId}
          onChange={(e) => setValues({ ...values, clientId: e.target.value })}
          error={fieldError(error, 'clientId')}
        />
        <Textfield
          id={fieldId('clientSecret')}
          label={labels.clientSecret}
          description={t(hasSecret ? 'oidc.clientSecretKeepHint' : 'oidc.clientSecretHint')}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => {
            // A new secret and "remove the stored one" exclude each other; the last choice wins.
            setSecret(e.target.value);
            if (e.target.value) setRemoveSecret(false);
          }}
          error={fieldError(error, 'clientSecret')}
        />
        {hasSecret && (
          <Checkbox
            id="oidc-remove-secret"
            label={t('oidc.removeSecret')}
            checked={removeSecret}
            onChange={(e) => {
              setRemoveSecret(e.target.checked);
              if (e.target.checked) setSecret('');
            }}
          />
        )}
        <Textfield
          id={fieldId('displayName')}
          label={labels.displayName}
          description={t('oidc.displayNameHint')}
          autoComplete="off"
          value={values.displayName}
          onChange={(e) => setValues({ ...values, displayName: e.target.value })}
          error={fieldError(error, 'displayName')}
        />
        <Checkbox
          id={fieldId('enabled')}
          label={labels.enabled}
          description={t('oidc.enabledHint')}
          checked={values.enabled}
          onChange={(e) => setValues({ ...values, enabled: e.target.checked })}
          error={fieldError(error, 'enabled')}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

interface RemoveProps {
  provider: OidcProviderView;
  notify: Notify;
  onRemoved: () => void;
}

/** Removing is behind a confirm dialog: the sign-in button disappears for everyone at once. */
function RemoveProvider({ provider, notify, onRemoved }: RemoveProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    notify(null);
    try {
      await api('/api/oidc-provider', { method: 'DELETE' });
      setOpen(false);
      setBusy(false);
      onRemoved();
    } catch (e) {
      setOpen(false);
      setBusy(false);
      setError(asApiError(e));
    }
  };

  return (
    <section aria-labelledby="oidc-remove" className="pb-stack">
      <Heading level={2} data-size="sm" id="oidc-remove">
        {t('oidc.removeHeading')}
      </Heading>
      <FormErrors error={error} labels={{}} />
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
          {t('oidc.remove')}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('oidc.removeTitle')}
        body={t('oidc.removeBody', { name: provider.displayName })}
        confirmLabel={t('oidc.remove')}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
