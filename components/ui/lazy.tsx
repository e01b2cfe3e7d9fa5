'use client';
// Heavy parts load when first used, not with the page: dialogs, the search panel, a message's
// detail (JSON tree, hex view). Each feature's lazy.ts wraps its parts with next/dynamic at module
// level (where Next's compiler can see the import); this helper keeps a dialog that is always
// rendered (open={false}) from loading before it is first opened, and keeps it mounted afterwards
// so closing does not throw its chunk and state away.
import { useState, type ComponentType } from 'react';

export function untilFirstOpen<P extends { open: boolean }>(Loaded: ComponentType<P>): ComponentType<P> {
  function UntilFirstOpen(props: P) {
    const [used, setUsed] = useState(props.open);
    // Derived state, set during render (React's documented pattern): no extra commit with it unset.
    if (props.open && !used) setUsed(true);
    return used ? <Loaded {...props} /> : null;
  }
  return UntilFirstOpen;
}

/** What a lazy part shows for the moment its chunk takes to arrive. */
export function LazyPlaceholder() {
  return <div role="status" aria-label="Loading" className="h-16 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />;
}
