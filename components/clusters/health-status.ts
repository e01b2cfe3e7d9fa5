// How a cluster's health status reads on its card and in the switcher: a word and a colour.
import type { Tone } from '@/components/ui/badge';
import type { ClusterHealth } from '@/lib/schemas/cluster';

export const HEALTH_LOOK: Record<ClusterHealth['status'], { label: string; tone: Tone }> = {
  ok: { label: 'Reachable', tone: 'good' },
  unreachable: { label: 'Unreachable', tone: 'bad' },
  timeout: { label: 'Not answering', tone: 'bad' },
  starting: { label: 'Starting', tone: 'info' },
};
