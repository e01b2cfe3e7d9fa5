'use client';
// A filter box that reports its value after the user pauses typing, so each keystroke does not
// become a request. It re-syncs when the value changes from outside (back button, shared link).
import { useEffect, useState } from 'react';
import { controlClass } from './field';

export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
  delay = 250,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  delay?: number;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === value) return;
    const t = setTimeout(() => onChange(draft), delay);
    return () => clearTimeout(t);
  }, [draft, value, onChange, delay]);
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder ?? label}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      className={`${controlClass} max-w-xs`}
    />
  );
}
