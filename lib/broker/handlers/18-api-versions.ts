// ApiVersions: v0-2
//
// Behavior:
// * Answers with every API key in the registry and its version range; the registry is the truth.
// * A request at a version outside 0-2 never reaches this file: the dispatcher answers it with the
//   v0 layout and UNSUPPORTED_VERSION plus the same list, which is how librdkafka's v3 probe falls
//   back to v0.
// * Served before SASL authentication, as Kafka does.
import { ApiKey, type ApiVersionsRequest, type ApiVersionsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { apiVersionsList } from './registry';
import { defineHandler } from './types';

export default defineHandler<ApiVersionsRequest, ApiVersionsResponse>({
  key: ApiKey.ApiVersions,
  min: 0,
  max: 2,
  beforeAuth: true,
  handle: () => ({ errorCode: ErrorCode.NONE, apiKeys: apiVersionsList(), throttleTimeMs: 0 }),
});
