// What a person types as a value to encode: JSON text, read with lossless-json so an integer keeps
// every digit (a 64-bit id typed in full is not rounded through a double), and the vocabulary the
// encoders share to say where in that value something is wrong.
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';

export type JsonInput = null | boolean | string | LosslessNumber | JsonInput[] | { [key: string]: JsonInput };

/** Thrown inside an encoder at the first wrong value, with the path to it; caught at its boundary. */
export class EncodeFault extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface EncodeFailure {
  /** A JSON Pointer into the value ("" for the value itself). */
  path: string;
  error: string;
}

export function parseJsonInput(text: string): { value: JsonInput } | EncodeFailure {
  try {
    return { value: parse(text) as JsonInput };
  } catch (err) {
    return { path: '', error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export const isNumberInput = (v: unknown): v is LosslessNumber => isLosslessNumber(v);
export const isObjectInput = (v: unknown): v is { [key: string]: JsonInput } => typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);

/** JSON Pointer of `key` under `path`. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A short description of what was given, for messages ("a string", "the number 3.5"). */
export function described(v: JsonInput): string {
  if (v === null) return 'null';
  if (isNumberInput(v)) return `the number ${v.value}`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return String(v);
}

/** An integer within [min, max] from a JSON number or a decimal string. */
export function integerOf(v: JsonInput, path: string, what: string, min: bigint, max: bigint): bigint {
  const text = isNumberInput(v) ? v.value : typeof v === 'string' ? v.trim() : null;
  if (text === null || !/^-?\d+$/.test(text)) throw new EncodeFault(path, `expected ${what}, got ${described(v)}`);
  const n = BigInt(text);
  if (n < min || n > max) throw new EncodeFault(path, `${text} is out of range for ${what}`);
  return n;
}

export function numberOf(v: JsonInput, path: string, what: string): number {
  if (isNumberInput(v)) return Number(v.value);
  if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
  throw new EncodeFault(path, `expected ${what}, got ${described(v)}`);
}
