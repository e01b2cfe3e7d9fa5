'use client';
// The fixed left navigation. A client component because everything in it follows the current path:
// which cluster the page belongs to (the switcher, the sections of that cluster, its status in the
// footer) and which section is active. Outside every cluster (and on the address of a cluster that
// does not exist) it offers only the cluster list. Below 768 px it folds away behind a menu button
// in a top bar (a drawer over the page, closed by Esc, a click outside or any navigation), so a phone
// keeps its whole width for the page. Its footer holds the theme toggle.
// Its links do not prefetch. Every page is dynamic and none has a loading boundary, so a prefetch
// brings only the route's tree and head (two requests per link, each a server render costing more
// than the page itself), and a click fetches the page anyway; a dozen of them after every page load
// competed with the next navigation. With one cluster `/` redirects to it, and that prefetch,
// following the redirect, even rendered the cluster's overview with its data, twice.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { UserBox } from '@/components/auth/user-box';
import { parseClusterPath } from '@/components/cluster/cluster-path';
import { clusterListQuery } from '@/lib/api/queries/cluster';
import { CLUSTER_NAME_SHAPE } from '@/lib/schemas/cluster';
import { ClusterSwitcher } from './cluster-switcher';
import { ConnectionStatus } from './connection-status';
import { isActive, navItems } from './nav-items';
import { DisplaySettings } from './display-settings';

export function Sidebar() {
  const pathname = usePathname();
  const here = parseClusterPath(pathname);
  const known = useQuery(clusterListQuery()).data?.clusters;
  // Until the list has loaded, a name that could be a cluster's is taken to be one.
  const cluster =
    here && CLUSTER_NAME_SHAPE.test(here.cluster) && (!known || known.some((c) => c.name === here.cluster)) ? here.cluster : null;
  const [open, setOpen] = useState(false);
  const [seenPath, setSeenPath] = useState(pathname);
  if (pathname !== seenPath) {
    setSeenPath(pathname);
    setOpen(false);
  }
  const navRef = useRef<HTMLElement>(null);
  const menuRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) navRef.current?.querySelector<HTMLElement>('a, select, button, input')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    menuRef.current?.focus();
  };
  return (
    <>
      <div className="sticky top-0 z-30 flex items-center gap-3 border-b border-zinc-200 bg-white px-3 py-2 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <button
          ref={menuRef}
          type="button"
          aria-label="Menu"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-base leading-none dark:border-zinc-600"
        >
          <span aria-hidden>☰</span>
        </button>
        <Link href="/" prefetch={false} className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-500" />
          Kafscope
        </Link>
        {cluster !== null ? <span className="min-w-0 truncate text-sm text-zinc-500 dark:text-zinc-400">{cluster}</span> : null}
      </div>
      {open ? <div aria-hidden className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={close} /> : null}
      <nav
        ref={navRef}
        id="main-nav"
        aria-label="Main"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            close();
          }
        }}
        className={`${open ? 'fixed inset-y-0 left-0 z-40 flex shadow-xl' : 'hidden'} h-dvh w-64 shrink-0 flex-col overflow-y-auto border-r border-zinc-200 bg-white px-3 py-4 md:sticky md:top-0 md:flex md:h-screen md:w-56 md:shadow-none dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <Link href="/" prefetch={false} className="mb-6 flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-500" />
          Kafscope
        </Link>
        {cluster !== null ? (
          <>
            <Link href="/" prefetch={false} className="mb-2 px-2 text-xs text-zinc-500 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-white">
              ← All clusters
            </Link>
            <ClusterSwitcher current={cluster} />
          </>
        ) : null}
        <ul className="space-y-1">
          {navItems(cluster).map((item) => {
            const active = isActive(item, pathname);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  prefetch={false}
                  aria-current={active ? 'page' : undefined}
                  className={`block rounded-md px-2 py-1.5 text-sm ${
                    active
                      ? 'bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-white'
                      : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white'
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        {cluster !== null ? <ConnectionStatus cluster={cluster} key={cluster} /> : <div className="mt-auto" />}
        <DisplaySettings />
        <UserBox />
      </nav>
    </>
  );
}
