'use client';
// The fixed left navigation. A client component only because the active section comes from the
// current path.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ConnectionStatus } from './connection-status';
import { NAV_ITEMS, isActive } from './nav-items';

export function Sidebar() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Link href="/" className="mb-6 flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
        <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-500" />
        Kafscope
      </Link>
      <ul className="space-y-1">
        {NAV_ITEMS.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
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
      <ConnectionStatus />
    </nav>
  );
}
