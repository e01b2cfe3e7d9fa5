// @ts-check
/**
 * Standalone output: the production server is one self-contained folder (the Docker image and
 * `npm start` both run .next/standalone/server.js). kafkajs stays a plain Node require on the
 * server instead of being bundled, so its lazy requires and sockets behave as upstream intends.
 *
 * Security (see proxy.ts): the proxy runs for every request but Next's static files, so Next copies
 * each request body for it; proxyClientMaxBodySize caps that copy one byte above the largest
 * KAFSCOPE_MAX_BODY_BYTES accepted (MAX_BODY_CEILING in lib/config/edge.ts), so a huge body is never
 * buffered, and a body over the configured limit still reaches the route long enough to be refused
 * with 413. The static files the proxy skips get the fixed security headers here
 * (FIXED_SECURITY_HEADERS in lib/http/security-headers.ts; a test checks that they agree).
 *
 * Base path and build folder: scripts/build-settings.cjs. Served under a sub-path, the console answers
 * its root with a redirect to the sub-path, so a proxy that forwards everything still lands users on
 * the console.
 * @type {import('next').NextConfig}
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next loads it
const { basePathSetting, distDirSetting } = require('./scripts/build-settings.cjs');

const basePath = basePathSetting();

const nextConfig = {
  output: 'standalone',
  basePath,
  distDir: distDirSetting(),
  serverExternalPackages: ['kafkajs'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    proxyClientMaxBodySize: 8 * 1024 * 1024 + 1,
  },
  async redirects() {
    return basePath ? [{ source: '/', destination: basePath, basePath: false, permanent: false }] : [];
  },
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
