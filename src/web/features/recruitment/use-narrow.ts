import { useSyncExternalStore } from 'react';

const query = '(max-width: 40em)';

/** True on a phone-sized screen, where wide tables become lists. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
