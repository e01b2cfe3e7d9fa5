// GET /api/clusters/:cluster/protobuf-descriptors — the .desc files of PROTOBUFDESC_DIRECTORY and the
// message types each declares, for the message browser's descriptor and type pickers.
import { clusterRoute } from '@/lib/http/route';
import { protobufDescriptorsFor } from '@/lib/kafka/formats/descriptor-files';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ cluster }) => protobufDescriptorsFor(cluster));
