// GET /api/clusters/:cluster/protobuf-descriptors[?topic=] — the .desc files of PROTOBUFDESC_DIRECTORY and
// the message types each declares, for the message browser's descriptor and type pickers.
import { clusterRoute, readQuery } from '@/lib/http/route';
import { protobufDescriptorsFor } from '@/lib/kafka/formats/descriptor-files';
import { ProtobufDescriptorsQuerySchema } from '@/lib/schemas/protobuf-descriptors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ url, cluster }) => protobufDescriptorsFor(cluster, readQuery(url, ProtobufDescriptorsQuerySchema).topic));
