import type { ReactNode } from 'react';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ApiError } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { LoadError, Loading } from './status.tsx';

interface Props {
  caption: string;
  headers: readonly string[];
  /** Number of rows shown; zero shows `emptyText` once loading is done. */
  rowCount: number;
  emptyText: string;
  loading: boolean;
  error: ApiError | null;
  onRetry?: () => void;
  hasMore?: boolean;
  onLoadMore?: () => void;
  children: ReactNode;
}

/**
 * A captioned table with the states every list has: loading, failed, empty, and "show more".
 * On narrow screens the table scrolls sideways inside a focusable region rather than squeezing.
 */
export function ListTable(props: Props) {
  const t = useT();
  const { caption, headers, rowCount, emptyText, loading, error, onRetry, hasMore, onLoadMore, children } = props;
  return (
    <div className="pb-stack">
      {error && <LoadError error={error} onRetry={onRetry} />}
      {rowCount > 0 && (
        <div className="pb-table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                {headers.map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>{children}</Table.Body>
          </Table>
        </div>
      )}
      {loading && <Loading />}
      {!loading && !error && rowCount === 0 && <Paragraph>{emptyText}</Paragraph>}
      {!loading && hasMore && onLoadMore && (
        <div>
          <Button variant="secondary" onClick={onLoadMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
