import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**',
      'lib/broker/protocol/generated/**', 'next-env.d.ts'],
  },
];

export default config;
