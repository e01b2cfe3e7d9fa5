// Shown when a cluster page's layout finds no cluster by the URL's name (a not-found raised in a
// layout is caught one level up, here).
import { UnknownCluster } from '@/components/cluster/unknown-cluster';

export default function NotFound() {
  return <UnknownCluster />;
}
