// Types for the few kafkajs 2.2.4 modules below its public API that raw-requests.ts and
// offset-fetch-groups.ts use: the API key table, the per-API request definitions (each picks a
// version and pairs a request encoder with a response decoder), the Encoder and the Decoder. They
// are plain CommonJS with no declarations of their own.

declare module 'kafkajs/src/protocol/requests/apiKeys.js' {
  const apiKeys: Record<string, number>;
  export default apiKeys;
}

declare module 'kafkajs/src/protocol/encoder.js' {
  export default class Encoder {
    /** `initialSize`: bytes reserved at once (rounded up to a power of two; default 511). */
    constructor(initialSize?: number);
    writeString(value: string | null): Encoder;
    writeInt8(value: number): Encoder;
    writeInt16(value: number): Encoder;
    writeInt32(value: number): Encoder;
    writeBoolean(value: boolean): Encoder;
    writeUVarInt(value: number): Encoder;
    writeUVarIntString(value: string | null): Encoder;
    /** Objects are Encoders; numbers are written as INT32, strings as STRING. length -1 writes null. */
    writeArray(array: (Encoder | number | string)[], type?: 'int32' | 'string' | 'object', length?: number): Encoder;
  }
}

declare module 'kafkajs/src/protocol/decoder.js' {
  export default class Decoder {
    constructor(buffer: Buffer);
    readInt8(): number;
    readInt16(): number;
    readInt32(): number;
    /** kafkajs' Long; toString() gives the exact decimal. */
    readInt64(): { toString(): string };
    readString(): string | null;
    readBoolean(): boolean;
    readArray<T>(reader: (d: Decoder) => T): T[];
    readUVarInt(): number;
    readUVarIntString(): string | null;
    readUVarIntArray<T>(reader: (d: Decoder) => T): T[] | null;
    readTaggedFields(): unknown;
  }
}

declare module 'kafkajs/src/protocol/requests/*' {
  /** Versions this kafkajs implements, and the request/response pair of one version. */
  const definition: {
    versions: string[];
    protocol(options: { version: number }): (args: unknown) => { request: unknown; response: unknown };
  };
  export default definition;
}
