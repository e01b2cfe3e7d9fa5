// JSON as the message said it. JSON.parse turns an integer past 2^53 (snowflake ids, nanosecond
// timestamps, Kafka offsets) into the nearest double, so a pretty-printer would show a number the
// message never contained. Where the engine exposes each number's source text to the reviver
// (JSON.parse source text access: Chromium 114+, Node 22+), such integers are kept as their digits;
// elsewhere parsing is plain JSON.parse.

/** An integer too large for a double, kept as the digits it was written with. */
export class ExactNumber {
  constructor(readonly source: string) {}
}

interface ReviverContext {
  source?: string;
}

export function parseJsonExact(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: ReviverContext) => {
    const source = context?.source;
    if (typeof value === 'number' && source !== undefined && !Number.isSafeInteger(value) && /^-?\d+$/.test(source)) {
      return new ExactNumber(source);
    }
    return value;
  });
}

/** JSON.stringify that writes ExactNumbers back as bare digits. Each is first written as a string
 * holding a per-call random tag, which no string of the message can be expected to contain. */
export function stringifyJsonExact(value: unknown, indent = 2): string {
  const tag = `\u0000exact-${Math.random().toString(36).slice(2)}-`;
  const digits: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof ExactNumber ? `${tag}${digits.push(v.source) - 1}` : v), indent);
  const quotedTag = JSON.stringify(tag).slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return json.replace(new RegExp(`"${quotedTag}(\\d+)"`, 'g'), (_, i: string) => digits[Number(i)]!);
}
