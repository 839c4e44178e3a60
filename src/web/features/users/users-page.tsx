import { Link } from 'react-router';
import { Button, Field, Label, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { UserView } from '../../../shared/contracts/users.ts';
import { roles } from '../../../shared/permissions.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { useUrlFilters } from '../../app/use-url-filters.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { roleList, roleName } from '../../ui/names.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

/** The user list; the filters live in the URL so Back and shared links keep them. */
export function UsersPage() {
  const { t, formatDate } = useI18n();
  const can = useCan();
  const { params, draft, setField, apply } = useUrlFilters(['q', 'role', 'status'] as const);
  const list = usePagedList<UserView>('/api/users', { q: params.get('q'), role: params.get('role'), status: params.get('status') });

  return (
    <Page title={t('users.title')} wide>
      {can('users.manage') && (
        <div>
          <Button asChild>
            <Link to="/admin/users/new">{t('users.new')}</Link>
          </Button>
        </div>
      )}
      <form role="search" onSubmit={apply} className="pb-filters">
        <Textfield
          label={t('users.search')}
          type="search"
          value={draft.q}
          onChange={(e) => setField('q', e.target.value)}
        />
        <Field>
          <Label htmlFor="filter-role">{t('users.role')}</Label>
          <Select id="filter-role" value={draft.role} onChange={(e) => setField('role', e.target.value)}>
            <Select.Option value="">{t('users.anyRole')}</Select.Option>
            {roles.map((r) => (
              <Select.Option key={r} value={r}>
                {roleName(r, t)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="filter-status">{t('users.status')}</Label>
          <Select id="filter-status" value={draft.status} onChange={(e) => setField('status', e.target.value)}>
            <Select.Option value="">{t('users.anyStatus')}</Select.Option>
            <Select.Option value="active">{t('status.active')}</Select.Option>
            <Select.Option value="deactivated">{t('status.deactivated')}</Select.Option>
          </Select>
        </Field>
        <div className="pb-filters__submit">
          <Button type="submit" variant="secondary">
            {t('users.filter')}
          </Button>
        </div>
      </form>
      <ListTable
        caption={t('users.caption')}
        headers={[t('users.col.name'), t('users.col.email'), t('users.col.roles'), t('users.col.status'), t('users.col.created')]}
        rowCount={list.items.length}
        emptyText={t('users.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((u) => (
          <Table.Row key={u.id}>
            <Table.Cell>
              <RouterLink to={`/admin/users/${u.id}`}>{u.name}</RouterLink>
            </Table.Cell>
            <Table.Cell>{u.email}</Table.Cell>
            <Table.Cell>{roleList(u.roles, t)}</Table.Cell>
            <Table.Cell>
              <Tag data-color={u.status === 'active' ? 'success' : 'neutral'} data-size="sm">
                {t(`status.${u.status}`)}
              </Tag>
            </Table.Cell>
            <Table.Cell>{formatDate(u.createdAt)}</Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </Page>
  );
}
