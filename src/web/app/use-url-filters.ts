import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL, so Back, reload and shared links keep them. The form edits a draft;
 * submitting writes it to the URL. Parameters not in `keys` (e.g. set by a link) are kept as they are.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const read = () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const [draft, setDraft] = useState<Record<K, string>>(read);

  // A link to the same page with other filters (or none) resets the form too.
  useEffect(() => setDraft(read()), [search]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const k of keys) {
      const value = draft[k].trim();
      if (value) next.set(k, value);
      else next.delete(k);
    }
    setParams(next);
  };

  const setField = (key: K, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  return { params, draft, setField, apply };
}
