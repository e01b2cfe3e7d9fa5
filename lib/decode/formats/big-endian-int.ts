// Kafka's IntegerSerializer and LongSerializer (Kafdrop's INT and LONG formats): a signed 32- or
// 64-bit big-endian integer. The JSON text is the integer's decimal digits, exact for 64 bits.
import { guarded, DecodeFault, type DecodeOutcome } from './result';

export function decodeInt32BE(bytes: Uint8Array): DecodeOutcome {
  return guarded('int32', undefined, () => {
    if (bytes.length !== 4) throw new DecodeFault(`an int is 4 bytes, not ${bytes.length}`);
    const n = new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0, false);
    return { format: 'int32', json: String(n), annotations: [], notes: [] };
  });
}

export function decodeInt64BE(bytes: Uint8Array): DecodeOutcome {
  return guarded('int64', undefined, () => {
    if (bytes.length !== 8) throw new DecodeFault(`a long is 8 bytes, not ${bytes.length}`);
    const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigInt64(0, false);
    return { format: 'int64', json: n.toString(), annotations: [], notes: [] };
  });
}
