'use client';
// A destructive action confirmed by typing the exact name of what will be destroyed. The confirm
// button stays disabled until the name matches, so one stray Enter cannot delete a topic.
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { ErrorBanner } from './feedback';
import { Dialog } from './dialog';
import { TextField } from './field';
import { showBidiControls } from '@/lib/format/bidi';

export function ConfirmNameDialog({
  open,
  onClose,
  title,
  name,
  what,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  name: string;
  what: string;
  children?: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={typed !== name || pending} onClick={onConfirm}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm">
        {children}
        {error ? <ErrorBanner error={error} title="Refused" /> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === name && !pending) onConfirm();
          }}
        >
          <TextField
            label={`Type the ${what} name to confirm`}
            placeholder={showBidiControls(name)}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
          />
        </form>
      </div>
    </Dialog>
  );
}
