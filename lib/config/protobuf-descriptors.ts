// Kafdrop's Protobuf descriptor files, with their meaning kept: PROTOBUFDESC_DIRECTORY is a folder of
// FileDescriptorSet files (`protoc --descriptor_set_out=x.desc --include_imports`) used to read values
// in the `protobuf` format that are not Confluent-framed; a topic's file is `<topic>.desc` unless the
// page names another; PROTOBUFDESC_PARSEANYPROTO unpacks google.protobuf.Any by its type URL, looking
// the type up in every file of the folder (off: Any stays packed, as in Kafdrop). Every configured
// cluster and the demo share them. The folder must exist at start-up; its files are read when used.
import 'server-only';
import { statSync } from 'node:fs';
import { ConfigError, readBool, type Env } from './errors';

export interface ProtobufDescriptorConfig {
  /** Absolute or working-directory-relative folder; null when unset. */
  directory: string | null;
  parseAnyProto: boolean;
}

export function readProtobufDescriptors(env: Env): ProtobufDescriptorConfig {
  const directory = env.PROTOBUFDESC_DIRECTORY?.trim() || null;
  const parseAnyProto = readBool(env, 'PROTOBUFDESC_PARSEANYPROTO', false);
  if (directory !== null) {
    let isDirectory = false;
    try {
      isDirectory = statSync(directory).isDirectory();
    } catch {
      isDirectory = false;
    }
    if (!isDirectory) throw new ConfigError('PROTOBUFDESC_DIRECTORY', `is not a readable folder: ${directory}`);
  }
  return { directory, parseAnyProto };
}
