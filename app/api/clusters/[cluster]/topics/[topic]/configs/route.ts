// PUT /api/clusters/:cluster/topics/:topic/configs — set or remove topic config overrides; answers the
// new configs. A change that deletes data (lower retention, a low segment.ms: retention-effects.ts)
// also needs records:delete and the records-delete switch, as a purge does.
import { topicConfigEntries, updateTopicConfigs } from '@/lib/kafka/services/topics';
import { readBody, clusterRoute, requireSwitch } from '@/lib/http/route';
import { retentionEffects } from '@/lib/schemas/retention-effects';
import { UpdateTopicConfigsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'topicCreate' }, async ({ request, params, clients, cluster, access }) => {
  const body = await readBody(request, UpdateTopicConfigsRequestSchema);
  const effects = retentionEffects(await topicConfigEntries(clients(), params.topic), body.configs);
  if (effects.length > 0) {
    const why = `This change deletes records: ${effects.join(' ')}`;
    requireSwitch(cluster, 'recordsDelete', why);
    access.require('records:delete', params.topic, why);
  }
  return updateTopicConfigs(clients(), params.topic, body);
});
