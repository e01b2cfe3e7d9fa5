// The Protobuf descriptor files of PROTOBUFDESC_DIRECTORY as the message browser sees them: which
// files there are and the message types each declares, so a person can pick the file and the type
// an unframed Protobuf value is read with (the `protobufDesc` and `protobufType` browse fields).
import './zod-csp';
import { z } from 'zod/mini';
import { MessageFormat } from './message';

export const ProtobufDescriptorFileSchema = z.object({
  /** The file's name in the folder: what `protobufDesc` takes. */
  name: z.string(),
  /** Full names ("pkg.Msg") of its message types: the main file's top-level messages first (the first
   * is the default), then nested ones and those of the files it imports. Empty when `error`. */
  types: z.array(z.string()),
  /** Why the file cannot be used (not a FileDescriptorSet, unreadable). */
  error: z.optional(z.string()),
});
export type ProtobufDescriptorFile = z.infer<typeof ProtobufDescriptorFileSchema>;

/** GET /api/clusters/:cluster/protobuf-descriptors?topic=: the default value format is the topic's
 * (by KAFSCOPE_TOPIC_FORMATS) when one is named. */
export const ProtobufDescriptorsQuerySchema = z.object({ topic: z.optional(z.string().check(z.minLength(1), z.maxLength(249))) });

/** GET /api/clusters/:cluster/protobuf-descriptors. */
export const ProtobufDescriptorsSchema = z.object({
  /** Whether PROTOBUFDESC_DIRECTORY is set. */
  configured: z.boolean(),
  /** The default value format (the topic's, when the query names one, else the cluster's): the
   * pickers apply when the page's format is, or defaults to, `protobuf`. */
  valueFormat: MessageFormat,
  /** The folder's `.desc` files by name (at most PROTOBUF_DESCRIPTORS_MAX). */
  files: z.array(ProtobufDescriptorFileSchema),
  /** More `.desc` files were there than listed. */
  truncated: z.boolean(),
});
export type ProtobufDescriptors = z.infer<typeof ProtobufDescriptorsSchema>;

export const PROTOBUF_DESCRIPTORS_MAX = 500;
