import { useState } from 'react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { api, ApiError, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { Saved } from '../../ui/status.tsx';
import { CreateTokenForm, type ApiToken } from './create-token-form.tsx';

/** Personal API tokens: create (the secret is shown once), see, revoke. */
export function ApiTokens() {
  const { t, formatDate } = useI18n();
  const tokens = useResource<Page<ApiToken>>('/api/api-tokens');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = tokens.data?.items ?? [];

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/api-tokens/${revoking.id}/revoke`, { method: 'POST' });
      setNotice(t('tokens.revoked'));
      tokens.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
    } finally {
      setBusy(false);
      setRevoking(null);
    }
  };

  const status = (token: ApiToken) => {
    if (token.revokedAt) return <Tag data-color="neutral" data-size="sm">{t('tokens.revokedStatus')}</Tag>;
    if (token.expiresAt && new Date(token.expiresAt) < new Date()) {
      return <Tag data-color="neutral" data-size="sm">{t('tokens.expiredStatus')}</Tag>;
    }
    return <Tag data-color="success" data-size="sm">{t('tokens.active')}</Tag>;
  };

  return (
    <section aria-labelledby="tokens-heading" className="pb-stack">
      <Heading level={2} data-size="sm" id="tokens-heading">
        {t('tokens.title')}
      </Heading>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      <CreateTokenForm onCreated={tokens.reload} />
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <ListTable
        caption={t('tokens.caption')}
        headers={[t('tokens.col.name'), t('tokens.col.prefix'), t('tokens.col.created'), t('tokens.col.expires'), t('tokens.col.lastUsed'), t('tokens.col.status'), t('common.actions')]}
        rowCount={items.length}
        emptyText={t('tokens.empty')}
        loading={tokens.loading}
        error={tokens.error}
        onRetry={tokens.reload}
      >
        {items.map((token) => (
          <Table.Row key={token.id}>
            <Table.Cell>{token.name}</Table.Cell>
            <Table.Cell>
              <code>{token.prefix}…</code>
            </Table.Cell>
            <Table.Cell>{formatDate(token.createdAt)}</Table.Cell>
            <Table.Cell>{token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')}</Table.Cell>
            <Table.Cell>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t('tokens.never')}</Table.Cell>
            <Table.Cell>{status(token)}</Table.Cell>
            <Table.Cell>
              {!token.revokedAt && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('tokens.revokeNamed', { name: token.name })}
                  onClick={() => setRevoking(token)}
                >
                  {t('tokens.revoke')}
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('tokens.revokeBody')}
        confirmLabel={t('tokens.revoke')}
        danger
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
