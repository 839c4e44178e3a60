import { useT } from '../../app/i18n.tsx';

/** Jump links to the sections of a long page, so a phone user need not scroll past the rest. */
export function OnThisPage({ links }: { links: readonly { id: string; label: string }[] }) {
  const t = useT();
  return (
    <nav aria-label={t('recruitment.intake.onThisPage')}>
      <ul className="pb-actions pb-plain-inline">
        {links.map((l) => (
          <li key={l.id}>
            <a href={`#${l.id}`}>{l.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
