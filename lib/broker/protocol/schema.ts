// The shape of the declarative field tables in ./generated. Kafka describes every message as an ordered
// field list annotated with version ranges; we keep that description as data (written by gen/generate.ts
// from Kafka's JSON) and let one interpreter (plan.ts + codec.ts) encode and decode all of them, instead
// of a hand-written encoder/decoder pair per API version.

export type PrimitiveType =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint16'
  | 'float64'
  | 'string'
  | 'bytes'
  | 'records'
  | 'uuid';

/** An explicit JSON `default`, already converted to the field's TypeScript type (int64 as bigint). */
export type DefaultValue = number | bigint | boolean | string | null;

/**
 * One field. Version ranges keep Kafka's notation ("0+", "3-7", "5", "none") so a table reads like the
 * JSON it came from; plan.ts parses them once per (message, version).
 */
export interface FieldSchema {
  readonly name: string;
  readonly type: PrimitiveType | 'struct';
  /** `[]T` in Kafka's notation: an array of `type` (or of the struct described by `fields`). */
  readonly array?: true;
  readonly versions: string;
  readonly nullable?: string;
  /** Tagged field: present only in the tagged section of flexible versions in this range, under `tag`. */
  readonly tagged?: string;
  readonly tag?: number;
  /** Field-level override of the message's flexibleVersions (RequestHeader.ClientId: "none"). */
  readonly flexible?: string;
  readonly default?: DefaultValue;
  readonly fields?: readonly FieldSchema[];
}

export interface MessageSchema {
  readonly name: string;
  readonly kind: 'request' | 'response' | 'header' | 'data';
  readonly apiKey?: number;
  readonly validVersions: string;
  readonly flexibleVersions: string;
  readonly fields: readonly FieldSchema[];
}

export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

const NONE: VersionRange = { min: 1, max: 0 };

const parsed = new Map<string, VersionRange>();

/** Parses Kafka's version notation: "none", "N", "N+", "N-M" (memoised: tables reuse a few strings). */
export function parseVersions(text: string): VersionRange {
  let range = parsed.get(text);
  if (!range) {
    range = parseUncached(text);
    parsed.set(text, range);
  }
  return range;
}

function parseUncached(text: string): VersionRange {
  if (text === 'none') return NONE;
  const plus = /^(\d+)\+$/.exec(text);
  if (plus) return { min: Number(plus[1]), max: Number.POSITIVE_INFINITY };
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  if (/^\d+$/.test(text)) return { min: Number(text), max: Number(text) };
  throw new Error(`bad version range: ${text}`);
}

export function inRange(range: VersionRange, version: number): boolean {
  return version >= range.min && version <= range.max;
}
