import type { ReactNode } from 'react';
import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link } from 'react-router';

/** A Designsystemet-styled link that navigates inside the app without a page load. */
export function RouterLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <DsLink asChild className={className}>
      <Link to={to}>{children}</Link>
    </DsLink>
  );
}
