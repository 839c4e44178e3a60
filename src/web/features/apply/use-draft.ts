import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import { emptyValues, valuesFromDraft, type ApplyValues } from './apply-values.ts';
import { readDraft, writeDraft } from './storage.ts';

/**
 * The key of a submission that got no answer (network down, server error), and a fingerprint of
 * what was sent: a retry of the same text reuses it, so a submission that did arrive is not made twice.
 */
export interface PendingAttempt {
  key: string;
  fingerprint: string;
}

interface StoredDraft {
  values: unknown;
  pending?: PendingAttempt | null;
  savedAt?: string;
}

const SAVE_DELAY_MS = 600;

export interface Draft {
  values: ApplyValues;
  update: (patch: Partial<ApplyValues>) => void;
  pending: PendingAttempt | null;
  setPending: (pending: PendingAttempt | null) => void;
  /** When the draft was last written on this device; null while there is none. */
  savedAt: string | null;
  /** Set when the page opened with a draft from an earlier visit. */
  restored: boolean;
  clear: () => void;
}

/** The form's values, written to this device a moment after each change and read back on the next visit. */
export function useDraft(intake: PublicIntakeView): Draft {
  const [initial] = useState(() => readDraft(intake.id) as StoredDraft | null);
  const [values, setValues] = useState(() => valuesFromDraft(initial?.values, intake));
  const [pending, setPending] = useState<PendingAttempt | null>(initial?.pending ?? null);
  const [savedAt, setSavedAt] = useState<string | null>(initial?.savedAt ?? null);
  const [restored, setRestored] = useState(initial !== null);
  // Nothing is written until the applicant has changed something (or there was a draft already).
  const dirty = useRef(initial !== null);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      const now = new Date().toISOString();
      writeDraft(intake.id, { values, pending, savedAt: now } satisfies StoredDraft);
      setSavedAt(now);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [intake.id, values, pending]);

  const update = useCallback((patch: Partial<ApplyValues>) => {
    dirty.current = true;
    setValues((v) => ({ ...v, ...patch }));
  }, []);

  const clear = useCallback(() => {
    dirty.current = false;
    writeDraft(intake.id, null);
    setValues(emptyValues(intake));
    setPending(null);
    setSavedAt(null);
    setRestored(false);
  }, [intake]);

  return { values, update, pending, setPending, savedAt, restored, clear };
}

/** A short, stable fingerprint of a request body (not for security: only "is this the same text?"). */
export function fingerprint(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}
