import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The doors between the rooms (README "Architecture"), enforced so that a wrong import fails
// `npm test` instead of waiting for a review. Each rule names what it keeps out and why.
// An import is matched both as written with the '@/' alias and as a relative path.
const room = (name) => [
  { regex: `^@/${name}(/|$)`, message: `${name} is server-side; this module may not import it.` },
  { regex: `^(\\.\\./)+(lib/)?${name.replace(/^lib\//, '')}(/|$)`, message: `${name} is server-side; this module may not import it.` },
];
const packages = (names, why) => names.map((n) => ({ regex: `^${n}(/|$)`, message: why }));

/** The browser side (pages, components, the API client, the DTO schemas) knows Kafka only through lib/schemas.
 * Pages (the page.tsx server components under app/) may also ask lib/prefetch for their first data, which
 * hands them a dehydrated cache of DTOs; client code may not, since it runs in the browser. */
const browserRooms = ['lib/kafka', 'lib/broker', 'lib/http', 'lib/config', 'lib/demo', 'lib/startup', 'lib/codecs', 'lib/auth', 'lib/audit'];
const browserSideOf = (files, rooms) => ({
  files,
  // Route handlers are server code: those under app/api, and GET /metrics (Prometheus asks for that path).
  ignores: ['app/api/**', 'app/metrics/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...rooms.flatMap(room),
          ...packages(['kafkajs', 'node:.*', 'fs', 'net'], 'Kafka and Node.js modules are server-side; call the JSON API through lib/api instead.'),
        ],
      },
    ],
  },
});
const browserSide = browserSideOf(['app/**/*.{ts,tsx}'], browserRooms);
const clientSide = browserSideOf(['components/**/*.{ts,tsx}', 'lib/api/**/*.{ts,tsx}', 'lib/schemas/**/*.ts'], [...browserRooms, 'lib/prefetch']);

/** The embedded broker knows nothing of the web app or the access layer. */
const broker = {
  files: ['lib/broker/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...['lib/kafka', 'lib/http', 'lib/api', 'lib/config', 'app', 'components'].flatMap(room),
          ...packages(['react', 'react-dom', 'next'], 'The broker is a plain Node.js server; it knows nothing of the web app.'),
        ],
      },
    ],
  },
};

/** The access layer speaks the domain: no HTTP, no React, no Next.js. */
const accessLayer = {
  files: ['lib/kafka/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...['lib/http', 'lib/api', 'app', 'components'].flatMap(room),
          ...packages(['react', 'react-dom', 'next'], 'lib/kafka speaks domain types and errors; lib/http turns them into HTTP.'),
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**',
      'lib/broker/protocol/generated/**', 'next-env.d.ts'],
  },
  browserSide,
  clientSide,
  broker,
  accessLayer,
];

export default config;
