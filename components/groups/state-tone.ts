// The badge colour of a consumer-group state, the same on every page.
import type { Tone } from '@/components/ui/badge';

export function stateTone(state: string): Tone {
  switch (state) {
    case 'Stable':
      return 'good';
    case 'Empty':
      return 'neutral';
    case 'Dead':
      return 'bad';
    case 'PreparingRebalance':
    case 'CompletingRebalance':
      return 'warn';
    default:
      return 'neutral';
  }
}
