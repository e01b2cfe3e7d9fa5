// What this Kafscope instance allows and what it is connected to, so the UI hides what the server
// would refuse. The server enforces the same switches; hiding is only a courtesy.
import { z } from 'zod';

export const FeatureSwitchesSchema = z.object({
  readOnly: z.boolean(),
  topicCreate: z.boolean(),
  topicDelete: z.boolean(),
  messageSend: z.boolean(),
  offsetReset: z.boolean(),
  recordsDelete: z.boolean(),
  groupDelete: z.boolean(),
});
export type FeatureSwitches = z.infer<typeof FeatureSwitchesSchema>;

export const SettingsSchema = z.object({
  mode: z.enum(['embedded', 'external']),
  /** Bootstrap servers as configured (no credentials). */
  bootstrap: z.string(),
  switches: FeatureSwitchesSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;
