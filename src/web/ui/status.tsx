import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ApiError } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { errorMessage } from './form-errors.tsx';

/** A spinner with a spoken and visible "Loading…". */
export function Loading() {
  const t = useT();
  return (
    <div className="pb-loading" role="status">
      <Spinner aria-label={t('common.loading')} data-size="md" />
    </div>
  );
}

/** A load that failed, with a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorMessage(error, t)}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** A short confirmation after something was saved; announced politely. */
export function Saved({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <Alert data-color="success" role="status">
      {children}
    </Alert>
  );
}
