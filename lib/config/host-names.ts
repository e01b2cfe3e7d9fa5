// A Host header value or an allowlist entry, split into a lower-case name and an optional port. One
// parser serves both sides, so an entry and the header it must match can never be read differently
// (a trailing dot, an IPv6 literal in brackets, upper case). Pure: used by the configuration at
// start-up and by the proxy on every request.
import 'server-only';

export interface HostName {
  /** Lower case, no trailing dot; an IPv6 literal keeps its brackets ("[::1]"). */
  name: string;
  /** null when none was written. */
  port: number | null;
}

const NAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)$/;

/** "Kafka.Example.com.:8443" -> { name: "kafka.example.com", port: 8443 }; null when it is no host. */
export function parseHostName(raw: string): HostName | null {
  const text = raw.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  const name = m[1]!.replace(/\.$/, '');
  if (!NAME.test(name)) return null;
  if (m[2] === undefined) return { name, port: null };
  const port = Number(m[2]);
  return port >= 1 && port <= 65_535 ? { name, port } : null;
}

/** The names a browser on this machine uses for it: a rebinding page can never send these. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;
