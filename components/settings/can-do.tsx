'use client';
// Renders its children only when the server allows the action (see useSwitches).
import type { ReactNode } from 'react';
import { useSwitches, type Action } from './use-switches';

export function CanDo({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useSwitches();
  return can(action) ? <>{children}</> : null;
}
