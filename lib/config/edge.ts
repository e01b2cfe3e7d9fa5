// The console's edge: which names it answers to, which origin may change a cluster, whether a reverse
// proxy's X-Forwarded-* headers are believed, and how large a request body may be. Read once at
// start-up like the rest of the configuration, so a mistake stops the server naming the variable.
//
// Why these defaults. DNS rebinding makes a browser send any page's requests to 127.0.0.1 under the
// attacker's own name: the Host header then says "evil.example", never "localhost". So the loopback
// names are accepted on any port (a Docker port mapping or an SSH tunnel changes the port, and the
// port gives an attacker nothing), and every other name must be the public URL's or listed. Origins
// are stricter: a mutation must come from the public URL's origin or a loopback origin on the port
// the server listens on, exactly, because another local port is another site.
import 'server-only';
import { ConfigError, readBool, type Env } from './errors';
import { LOOPBACK_NAMES, parseHostName, type HostName } from './host-names';

/** The largest KAFSCOPE_MAX_BODY_BYTES accepted. next.config.js sets Next's proxyClientMaxBodySize
 * one byte above it, so the body Next buffers for the proxy is never cut below the limit we check. */
export const MAX_BODY_CEILING = 8 * 1024 * 1024;
const DEFAULT_MAX_BODY = 1024 * 1024;

export interface EdgeConfig {
  /** scheme://host[:port] of KAFSCOPE_PUBLIC_URL; null when unset (only loopback addresses). */
  publicOrigin: string | null;
  /** Host header values answered; an entry without a port matches any port. */
  allowedHosts: HostName[];
  /** Origins a mutation may come from: the public origin and loopback on the listening port. */
  allowedOrigins: string[];
  /** Believe X-Forwarded-Host and X-Forwarded-Proto (set only behind a proxy that sets them). */
  trustProxy: boolean;
  /** Largest request body read; a larger one is answered 413 before it is read. */
  maxBodyBytes: number;
  /** The port this server listens on (SERVER_PORT, or Next's PORT). */
  listenPort: number;
  /** The console itself serves TLS (KAFSCOPE_TLS_CERT/KAFSCOPE_TLS_KEY, by scripts/start.mjs): every
   * request reached it over TLS, so cookies are Secure and HSTS is sent. */
  servedOverTls: boolean;
}

export function readEdge(env: Env): EdgeConfig {
  const listenPort = readPort(env);
  const publicUrl = readPublicUrl(env);
  const servedOverTls = readTls(env);
  const loopbackOrigins = LOOPBACK_NAMES.map((name) => `${servedOverTls ? 'https' : 'http'}://${name}:${listenPort}`);
  const allowedHosts: HostName[] = LOOPBACK_NAMES.map((name) => ({ name, port: null }));
  if (publicUrl) allowedHosts.push({ name: parseHostName(publicUrl.host)!.name, port: publicUrl.port ? Number(publicUrl.port) : null });
  allowedHosts.push(...readAllowedHosts(env));
  return {
    publicOrigin: publicUrl?.origin ?? null,
    allowedHosts,
    allowedOrigins: [...new Set([...(publicUrl ? [publicUrl.origin] : []), ...loopbackOrigins])],
    trustProxy: readBool(env, 'KAFSCOPE_TRUST_PROXY', false),
    maxBodyBytes: readBodyLimit(env),
    listenPort,
    servedOverTls,
  };
}

/** Both files or neither; scripts/start.mjs reads them, this only checks they are given in pairs. */
function readTls(env: Env): boolean {
  const cert = env.KAFSCOPE_TLS_CERT?.trim();
  const key = env.KAFSCOPE_TLS_KEY?.trim();
  if (!cert !== !key) throw new ConfigError(cert ? 'KAFSCOPE_TLS_KEY' : 'KAFSCOPE_TLS_CERT', 'must be set together with the other (PEM certificate chain and private key files)');
  return Boolean(cert);
}

function readPort(env: Env): number {
  const variable = env.SERVER_PORT?.trim() ? 'SERVER_PORT' : 'PORT';
  const raw = env[variable]?.trim() || '9000';
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 65_535) throw new ConfigError(variable, 'must be a port number between 1 and 65535');
  return Number(raw);
}

function readPublicUrl(env: Env): URL | null {
  const raw = env.KAFSCOPE_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('KAFSCOPE_PUBLIC_URL', 'must be an absolute http:// or https:// URL, such as https://kafka.example.com/console');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('KAFSCOPE_PUBLIC_URL', 'must start with http:// or https://');
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('KAFSCOPE_PUBLIC_URL', 'must be the address users open: no user name, password, query or fragment');
  }
  if (!parseHostName(url.host)) throw new ConfigError('KAFSCOPE_PUBLIC_URL', 'has a host name that is not valid');
  return url;
}

function readAllowedHosts(env: Env): HostName[] {
  const raw = env.KAFSCOPE_ALLOWED_HOSTS?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const host = parseHostName(entry);
      if (!host) throw new ConfigError('KAFSCOPE_ALLOWED_HOSTS', `"${entry.slice(0, 100)}" is not a host name, IP address or host:port (comma-separated, no scheme)`);
      return host;
    });
}

function readBodyLimit(env: Env): number {
  const raw = env.KAFSCOPE_MAX_BODY_BYTES?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MAX_BODY;
  if (!/^\d+$/.test(raw) || Number(raw) < 1024 || Number(raw) > MAX_BODY_CEILING) {
    throw new ConfigError('KAFSCOPE_MAX_BODY_BYTES', `must be a whole number of bytes between 1024 and ${MAX_BODY_CEILING}`);
  }
  return Number(raw);
}
