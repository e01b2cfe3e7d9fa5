// Kafka's protocol writes a STRING (a config name, a config value, a group id) with a 16-bit length:
// at most 32,767 bytes of UTF-8. A longer one cannot be sent at all — kafkajs' encoder throws a
// RangeError, which used to surface as a 500 — so the schemas refuse it first, as a 400 that names
// the field. Lengths are counted in UTF-8 bytes, as Kafka counts them, not in JavaScript characters.
import './zod-csp';
import { z } from 'zod/mini';

export const KAFKA_STRING_MAX_BYTES = 32_767;

/** The length of `s` encoded as UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const tooLong = (what: string, s: string) => `${what} is ${utf8Length(s)} bytes long; Kafka can carry at most ${KAFKA_STRING_MAX_BYTES}`;

/** Config name -> value, every name and value within Kafka's string limit. An issue is reported on
 * the map itself (field "configs"), never under the offending name, which may be 40,000 characters. */
export function kafkaConfigMap<V extends z.ZodMiniType<string | null>>(value: V) {
  return z.record(z.string().check(z.minLength(1)), value).check(
    z.superRefine((configs, ctx) => {
      for (const [name, v] of Object.entries(configs)) {
        if (utf8Length(name) > KAFKA_STRING_MAX_BYTES) {
          ctx.addIssue({ code: 'custom', message: tooLong('a config name', name) });
        } else if (typeof v === 'string' && utf8Length(v) > KAFKA_STRING_MAX_BYTES) {
          ctx.addIssue({ code: 'custom', message: tooLong(`the value of "${name.slice(0, 100)}"`, v) });
        }
      }
    }),
  );
}
