// A JSON Schema framed payload is plain JSON text: it is shown as it was written, so every number
// keeps its own spelling (no round trip through JSON.parse, which would round integers past 2^53).
// It is only checked: strict UTF-8 and valid JSON, else a failure value.
import { utf8Strict } from './byte-reader';
import { DecodeFault, guarded, type DecodeOutcome } from './result';

export function decodeJsonPayload(bytes: Uint8Array, schemaId?: number): DecodeOutcome {
  return guarded('json', schemaId, () => {
    const text = utf8Strict(bytes, 'the JSON payload');
    try {
      JSON.parse(text);
    } catch (err) {
      throw new DecodeFault(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { format: 'json', json: text, annotations: [], notes: [], ...(schemaId !== undefined && { schemaId }) };
  });
}
