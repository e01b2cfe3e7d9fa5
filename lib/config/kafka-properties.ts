// Kafdrop users configure security with KAFKA_PROPERTIES: the base64 of a Java properties file. This
// reads the few keys that matter to a kafkajs client (security.protocol, sasl.mechanism and the
// username/password inside sasl.jaas.config), so a Kafdrop deployment moves over unchanged.

/** Parses Java `.properties` text: `key=value` or `key: value`, `#`/`!` comments, `\` line joins. */
import 'server-only';
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let pending = '';
  for (const raw of lines) {
    const line = pending + raw.trimStart();
    pending = '';
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the logical line.
    const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
    if (trailing % 2 === 1) {
      pending = line.slice(0, -1);
      continue;
    }
    const sep = /(?<!\\)[=:]|(?<!\\)\s/.exec(line);
    const key = sep ? line.slice(0, sep.index).trim() : line.trim();
    let value = sep ? line.slice(sep.index + 1).trimStart() : '';
    if (sep && /\s/.test(sep[0]) && /^[=:]/.test(value)) value = value.slice(1).trimStart();
    out.set(unescape(key), unescape(value.trimEnd()));
  }
  if (pending) {
    const line = pending;
    const i = line.search(/[=:]/);
    if (i > 0) out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

/** Reads `username` and `password` out of a JAAS line such as
 * `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";`. */
export function parseJaas(jaas: string): { username?: string; password?: string } {
  const out: { username?: string; password?: string } = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]+))/g;
  for (const m of jaas.matchAll(re)) {
    const name = m[1];
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    if (name === 'username') out.username = value;
    if (name === 'password') out.password = value;
  }
  return out;
}

/** Decodes KAFKA_PROPERTIES (base64). Plain text that is not base64 is accepted too. */
export function decodeKafkaProperties(value: string): Map<string, string> {
  const compact = value.replace(/\s+/g, '');
  // Properties text always has a "." or "=" inside a line; base64 never has "." and "=" only at the end.
  const isBase64 = /^[A-Za-z0-9+/_-]+=*$/.test(compact);
  const text = isBase64 ? Buffer.from(compact, 'base64').toString('utf8') : value;
  return parseProperties(text);
}
