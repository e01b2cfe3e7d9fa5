// @ts-check
/**
 * Standalone output: the production server is one self-contained folder (the Docker image and
 * `npm start` both run .next/standalone/server.js). kafkajs stays a plain Node require on the
 * server instead of being bundled, so its lazy requires and sockets behave as upstream intends.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'standalone',
  serverExternalPackages: ['kafkajs'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
