import { useEffect, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

/** A page with its one h1; also names the browser tab after it. */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  useEffect(() => {
    document.title = `${title} – Peerbridge`;
  }, [title]);
  return (
    <div className={wide ? 'pb-page pb-page--wide' : 'pb-page'}>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}
