'use client';
// Renders its children only when the server allows the action, on `name` if given (see useSwitches).
import type { ReactNode } from 'react';
import { useSwitches, type Action } from './use-switches';

export function CanDo({ action, name, children }: { action: Action; name?: string; children: ReactNode }) {
  const { can } = useSwitches();
  return can(action, name) ? <>{children}</> : null;
}
