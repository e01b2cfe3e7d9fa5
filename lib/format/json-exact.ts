// JSON as the message said it. JSON.parse turns an integer past 2^53 (snowflake ids, nanosecond
// timestamps, Kafka offsets) into the nearest double, so a pretty-printer would show a number the
// message never contained. Where the engine exposes each number's source text to the reviver
// (JSON.parse source text access: Chromium 114+, Node 22+), such integers are kept as their digits;
// elsewhere parsing is plain JSON.parse. What is copied or sent (Format JSON, Copy JSON, Copy record)
// goes through lossless-json instead, which keeps every number's text, decimals and exponents too.
import { parse as losslessParse, stringify as losslessStringify } from 'lossless-json';

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

/** JSON text re-indented without changing one number's text: 12345678901234567891 stays that (not
 * ...567000), 0.10 stays 0.10 and 1e400 stays 1e400 (not null). lossless-json keeps every number as
 * its source text; plain JSON.parse/JSON.stringify would round each through a double. Throws on
 * text that is not JSON. */
export function formatJsonExact(text: string, indent = 2): string {
  return losslessStringify(losslessParse(text), null, indent) ?? text;
}

/** Parses JSON keeping every number as its source text, to embed in a larger document that
 * `stringifyLossless` writes out. */
export const parseLossless = (text: string): unknown => losslessParse(text);
export const stringifyLossless = (value: unknown, indent = 2): string => losslessStringify(value, null, indent) ?? 'null';
