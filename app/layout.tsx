import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Sidebar } from '@/components/shell/sidebar';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kafscope', template: '%s · Kafscope' },
  description: 'A console for Apache Kafka: brokers, topics, messages and consumer lag.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
