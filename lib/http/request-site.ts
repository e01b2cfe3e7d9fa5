// Which site a request was addressed to, decided from the configuration and never from what a page
// may choose: the Host header (or, only behind KAFSCOPE_TRUST_PROXY, the X-Forwarded-Host our own
// proxy set) checked against the allowed names, and whether the user's browser reached us over TLS
// (X-Forwarded-Proto behind a trusted proxy, else the public URL's scheme when the name is its own).
//
// A proxy that appends to X-Forwarded-* puts its own value last, after anything the client sent, so
// the last value is the one to believe; a proxy that overwrites leaves one value, the same rule.
import 'server-only';
import type { EdgeConfig } from '../config';
import { parseHostName, type HostName } from '../config/host-names';

export interface RequestSite {
  /** The host name the request was sent to, as received (for messages); null when none was sent. */
  host: string | null;
  allowed: boolean;
  tls: boolean;
}

const lastValue = (v: string | null) => (v === null ? null : (v.split(',').pop()?.trim() ?? null) || null);

const matches = (rule: HostName, host: HostName) => rule.name === host.name && (rule.port === null || rule.port === host.port);

export function requestSite(headers: Headers, edge: EdgeConfig): RequestSite {
  const forwardedHost = edge.trustProxy ? lastValue(headers.get('x-forwarded-host')) : null;
  const raw = forwardedHost ?? headers.get('host');
  const parsed = raw === null ? null : parseHostName(raw);
  const allowed = parsed !== null && edge.allowedHosts.some((rule) => matches(rule, parsed));
  const forwardedProto = edge.trustProxy ? lastValue(headers.get('x-forwarded-proto'))?.toLowerCase() : undefined;
  let tls = false;
  if (edge.servedOverTls) tls = true;
  else if (forwardedProto) tls = forwardedProto === 'https';
  else if (allowed && parsed && edge.publicOrigin?.startsWith('https:')) {
    const pub = parseHostName(new URL(edge.publicOrigin).host)!;
    tls = pub.name === parsed.name;
  }
  return { host: raw, allowed, tls };
}
