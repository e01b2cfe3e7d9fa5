// The one error start-up fails with when the environment is wrong. Its message names the variable
// and what it accepts, never the value (the value might be a secret).
import 'server-only';
import type { z } from 'zod';
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** A boolean variable: true/false/1/0/yes/no (any case); unset or empty = the default. */
export function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new ConfigError(name, 'must be one of true, false, 1, 0, yes, no');
}

/** A positive whole number of milliseconds; unset or empty = the default. */
export function readMs(env: Env, name: string, fallback: number, max = 600_000): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number of milliseconds between 1 and ${max}`);
  }
  return Number(raw);
}

/** A variable holding JSON, checked by `schema`: undefined when unset; otherwise the value, or a
 * ConfigError (`notJson` when it does not parse, else `VARIABLE: path: message` of the first issue). */
export function readJson<S extends z.ZodType>(env: Env, name: string, schema: S, notJson: string): z.infer<S> | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError(name, notJson);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(name, `${issue.path.join('.') || 'the value'}: ${issue.message}`);
  }
  return parsed.data;
}
