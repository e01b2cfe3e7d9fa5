// The root layout. It renders per request (connection()), never at build time: Next stamps the
// per-request nonce of the Content-Security-Policy (proxy.ts) on its scripts only while rendering,
// so a page prerendered at build time would carry scripts the policy blocks. The theme script runs
// before the body paints (with that nonce), so a dark page never flashes light; Tailwind's dark:
// variant follows the class it sets (components/shell/theme.ts). Below 768 px the sidebar becomes a
// top bar with a menu button, and the page takes the whole width.
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Shortcuts } from '@/components/shell/shortcuts';
import { Sidebar } from '@/components/shell/sidebar';
import { THEME_SCRIPT } from '@/components/shell/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafscope', template: '%s · Kafscope' },
  description: 'A console for Apache Kafka: brokers, topics, messages and consumer lag.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script changes <html>'s class and style before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col md:flex-row">
        <Providers>
          <Sidebar />
          <main className="min-w-0 flex-1 px-3 py-4 md:px-6 md:py-5">{children}</main>
          <Shortcuts />
        </Providers>
      </body>
    </html>
  );
}
