// Liveness of the Kafscope server itself. It says nothing about Kafka, so a Docker HEALTHCHECK or a
// load balancer never restarts the console because a cluster it watches is down.
import './zod-csp';
import { z } from 'zod/mini';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().check(z.nonnegative()),
});
export type Health = z.infer<typeof HealthSchema>;
