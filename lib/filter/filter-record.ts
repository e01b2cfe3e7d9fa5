// One record as the filter worker receives it: plain data that crosses to the worker thread cheaply
// (structured clone), with the key and value already decoded by the one decode step, in full.
export type JsonHint =
  /** The decoder produced JSON (Avro, Protobuf, JSON Schema, MessagePack, int, long). */
  | 'always'
  /** Plain text that may be JSON: parsed when it is an object or an array. */
  | 'maybe'
  /** Text that stays text. */
  | 'never';

export interface FilterRecord {
  key: string | null;
  keyJson: JsonHint;
  value: string | null;
  valueJson: JsonHint;
  /** Header names and their UTF-8 text ('' for a null or binary header); the last of a name wins. */
  headers: [string, string][];
  partition: number;
  /** Decimal, 64-bit. */
  offset: string;
  timestamp: number;
  /** Key plus value bytes. */
  size: number;
}
