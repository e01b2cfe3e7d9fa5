// The root layout. It renders per request (connection()), never at build time: Next stamps the
// per-request nonce of the Content-Security-Policy (proxy.ts) on its scripts only while rendering,
// so a page prerendered at build time would carry scripts the policy blocks.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Sidebar } from '@/components/shell/sidebar';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafscope', template: '%s · Kafscope' },
  description: 'A console for Apache Kafka: brokers, topics, messages and consumer lag.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen">
        <Providers>
          <Sidebar />
          <main className="min-w-0 flex-1 px-6 py-5">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
