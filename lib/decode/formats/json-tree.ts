// The decoders' common output: a JSON tree that can hold what JavaScript's JSON cannot — integers
// beyond 2^53 (as bigint), object keys in wire order whatever they look like (a Map, since a plain
// object moves integer-like keys first), and JSON already written by someone else (RawJson, so a
// JSON payload keeps its own number spelling). `jsonText` writes it as compact JSON text.

export type JsonTree = null | boolean | number | bigint | string | RawJson | JsonTree[] | JsonObject;
export type JsonObject = Map<string, JsonTree>;

/** JSON text written verbatim (already valid JSON). */
export class RawJson {
  constructor(readonly text: string) {}
}

function numberText(n: number): string {
  // JSON has no NaN or infinities; they are shown as the strings Avro's and Java's JSON use.
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

function write(tree: JsonTree, out: string[]): void {
  if (tree === null) out.push('null');
  else if (typeof tree === 'boolean') out.push(tree ? 'true' : 'false');
  else if (typeof tree === 'number') out.push(numberText(tree));
  else if (typeof tree === 'bigint') out.push(tree.toString());
  else if (typeof tree === 'string') out.push(JSON.stringify(tree));
  else if (tree instanceof RawJson) out.push(tree.text);
  else if (Array.isArray(tree)) {
    out.push('[');
    tree.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const [key, value] of tree) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(value, out);
    }
    out.push('}');
  }
}

/** Compact JSON text of the tree; bigints are written as bare integers. */
export function jsonText(tree: JsonTree): string {
  const out: string[] = [];
  write(tree, out);
  return out.join('');
}

/** A JSON object from entries, keeping their order. */
export const jsonObject = (entries: [string, JsonTree][] = []): JsonObject => new Map(entries);

/** Appends a token to a JSON Pointer (RFC 6901: "~" as "~0", "/" as "~1"). */
export const pointer = (base: string, token: string | number): string => `${base}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
