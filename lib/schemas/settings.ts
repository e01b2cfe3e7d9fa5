// What a cluster of this Kafscope allows, so the UI hides what the server would refuse (a cluster's
// settings are ClusterInfo, in cluster.ts). The server enforces the same switches; hiding is only a
// courtesy.
import './zod-csp';
import { z } from 'zod/mini';

export const FeatureSwitchesSchema = z.object({
  readOnly: z.boolean(),
  topicCreate: z.boolean(),
  topicDelete: z.boolean(),
  messageSend: z.boolean(),
  offsetReset: z.boolean(),
  recordsDelete: z.boolean(),
  groupDelete: z.boolean(),
  /** Create and delete ACL bindings (listing them is always allowed). */
  aclEdit: z.boolean(),
  /** Register, delete and change the compatibility of schemas in the cluster's registry. */
  schemaEdit: z.boolean(),
});
export type FeatureSwitches = z.infer<typeof FeatureSwitchesSchema>;
