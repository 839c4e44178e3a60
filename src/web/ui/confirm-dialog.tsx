import { useId, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../app/i18n.tsx';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** Red confirm button for what cannot be undone. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/** A modal question before a consequential action; Escape and "Cancel" both back out. */
export function ConfirmDialog(props: Props) {
  const t = useT();
  // Two dialogs on one page must not share a title id, or both take the first one's name.
  const titleId = useId();
  const { open, title, body, confirmLabel, danger, busy, onConfirm, onCancel, children } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <Dialog open={open} onClose={onCancel} closeButton={t('common.close')} aria-labelledby={titleId}>
      <form onSubmit={submit} className="pb-stack" noValidate>
        <Heading level={2} data-size="sm" id={titleId}>
          {title}
        </Heading>
        <Paragraph>{body}</Paragraph>
        {children}
        <div className="pb-actions">
          <Button type="submit" data-color={danger ? 'danger' : undefined} loading={busy}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
