import { useEffect, useRef, useState } from 'react';

const key = (taskId: string) => `pb.myTraining.handIn.${taskId}`;
const SAVE_DELAY_MS = 600;

function read(taskId: string): { text: string; savedAt: string } | null {
  try {
    const raw = localStorage.getItem(key(taskId));
    return raw ? (JSON.parse(raw) as { text: string; savedAt: string }) : null;
  } catch {
    return null;
  }
}

function write(taskId: string, value: { text: string; savedAt: string } | null): void {
  try {
    if (value === null) localStorage.removeItem(key(taskId));
    else localStorage.setItem(key(taskId), JSON.stringify(value));
  } catch {
    /* storage full or switched off: the form still works, only without a draft */
  }
}

/**
 * The hand-in text, kept on this device a moment after each change, so a reflection written on a
 * bus survives a lost connection or a closed tab. Handing in clears it.
 */
export function useHandInDraft(taskId: string, initial: string) {
  const [stored] = useState(() => read(taskId));
  const [text, setText] = useState(stored?.text ?? initial);
  const [savedAt, setSavedAt] = useState<string | null>(stored?.savedAt ?? null);
  // Nothing is written until the participant has typed something.
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      const now = new Date().toISOString();
      write(taskId, { text, savedAt: now });
      setSavedAt(now);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [taskId, text]);

  return {
    text,
    savedAt,
    change: (next: string) => {
      dirty.current = true;
      setText(next);
    },
    clear: () => {
      dirty.current = false;
      write(taskId, null);
      setSavedAt(null);
    },
  };
}
