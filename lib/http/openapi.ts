// The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas the routes parse
// with and the browser validates against, so the document cannot drift from the code. Paths are
// listed here by hand (one line each); their bodies and responses are references to the schemas.
import 'server-only';
import { z } from 'zod/mini';
import { BASE_PATH } from '../common/base-path';
import * as S from '../schemas';
import { VERSION } from '../version';

const components: Record<string, z.ZodMiniType> = {
  Problem: S.ProblemSchema,
  Me: S.MeSchema,
  LoginRequest: S.LoginRequestSchema,
  AuditList: S.AuditListSchema,
  Health: S.HealthSchema,
  ClusterList: S.ClusterListSchema,
  ClusterInfo: S.ClusterInfoSchema,
  ClusterLanesHealth: S.ClusterLanesHealthSchema,
  ClusterOverview: S.ClusterOverviewSchema,
  BrokerDetail: S.BrokerDetailSchema,
  LogDirs: S.LogDirsSchema,
  UpdateBrokerConfigsRequest: S.UpdateBrokerConfigsRequestSchema,
  TopicList: S.TopicListSchema,
  TopicDetail: S.TopicDetailSchema,
  CreateTopicRequest: S.CreateTopicRequestSchema,
  CreateTopicResponse: S.CreateTopicResponseSchema,
  AddPartitionsRequest: S.AddPartitionsRequestSchema,
  UpdateTopicConfigsRequest: S.UpdateTopicConfigsRequestSchema,
  ConfigEntries: z.array(S.ConfigEntrySchema),
  DeleteRecordsRequest: S.DeleteRecordsRequestSchema,
  DeleteRecordsResponse: S.DeleteRecordsResponseSchema,
  MessagePage: S.MessagePageSchema,
  ProtobufDescriptors: S.ProtobufDescriptorsSchema,
  ProduceRequest: S.ProduceRequestSchema,
  ProduceResponse: S.ProduceResponseSchema,
  SearchEvent: S.SearchEventSchema,
  TailEvent: S.TailEventSchema,
  ExportRecord: S.ExportRecordSchema,
  ExportTrailer: S.ExportTrailerSchema,
  ReplayRequest: S.ReplayRequestSchema,
  ReplayPlan: S.ReplayPlanSchema,
  ReplayEvent: S.ReplayEventSchema,
  GroupList: S.GroupListSchema,
  GroupDetail: S.GroupDetailSchema,
  ResetOffsetsRequest: S.ResetOffsetsRequestSchema,
  ResetPreview: S.ResetPreviewSchema,
  LagHistory: S.LagHistorySchema,
  DeleteGroupOffsetsRequest: S.DeleteGroupOffsetsRequestSchema,
  DeleteGroupOffsetsResponse: S.DeleteGroupOffsetsResponseSchema,
  AclList: S.AclListSchema,
  AclBindingsRequest: S.AclBindingsRequestSchema,
  AclCreateResponse: S.AclCreateResponseSchema,
  AclDeleteResponse: S.AclDeleteResponseSchema,
  SubjectList: S.SubjectListSchema,
  SubjectDetail: S.SubjectDetailSchema,
  SchemaVersion: S.SchemaVersionSchema,
  SchemaDiff: S.SchemaDiffSchema,
  Compatibility: S.CompatibilitySchema,
  SetCompatibilityRequest: S.SetCompatibilityRequestSchema,
  SchemaDraft: S.SchemaDraftSchema,
  CompatibilityCheckRequest: S.CompatibilityCheckRequestSchema,
  CompatibilityCheck: S.CompatibilityCheckSchema,
  RegisteredSchema: S.RegisteredSchemaSchema,
  DeletedVersions: S.DeletedVersionsSchema,
  TopicSubjects: S.TopicSubjectsSchema,
};

const queries: Record<string, z.ZodMiniObject> = {
  topics: S.TopicListQuerySchema,
  messages: S.MessagesQuerySchema,
  search: S.SearchQuerySchema as unknown as z.ZodMiniObject,
  tail: S.TailQuerySchema,
  export: S.ExportQuerySchema,
  groups: S.GroupListQuerySchema,
  lagHistory: S.LagHistoryQuerySchema,
  acls: S.AclListQuerySchema,
  subjects: S.SubjectListQuerySchema,
  schemaDiff: S.SchemaDiffQuerySchema,
  schemaDelete: S.SchemaDeleteQuerySchema,
  protobufDescriptors: S.ProtobufDescriptorsQuerySchema,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = { description: 'Problem', content: { 'application/problem+json': { schema: ref('Problem') } } };
const ok = (name: string | null, status = '200', type = 'application/json') => ({
  [status]: name ? { description: 'OK', content: { [type]: { schema: ref(name) } } } : { description: 'Done' },
  '400': problem,
  '403': problem,
  '404': problem,
  '409': problem,
  // From the proxy (proxy.ts): a body over KAFSCOPE_MAX_BODY_BYTES; a Host this console does not answer to.
  '413': problem,
  '421': problem,
  '429': problem,
  '502': problem,
  '503': problem,
  '504': problem,
});
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

function queryParams(name: string) {
  const shape = queries[name]!.shape as Record<string, z.ZodMiniType>;
  return Object.entries(shape).map(([key, schema]) => ({
    name: key,
    in: 'query',
    required: false,
    schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  }));
}

export function openApiDocument() {
  const schemas = Object.fromEntries(
    Object.entries(components).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' })]),
  );
  const cluster = pathParam('cluster');
  const topic = [cluster, pathParam('topic')];
  const group = [cluster, pathParam('group')];
  const c = '/api/clusters/{cluster}';
  const subject = [cluster, pathParam('subject')];
  const s = `${c}/schemas/subjects/{subject}`;
  return {
    openapi: '3.1.0',
    // Paths are relative to where the console is served (its base path, when it has one).
    servers: [{ url: BASE_PATH || '/' }],
    info: {
      title: 'Kafscope API',
      version: VERSION,
      description:
        'Every route but /api/health, /api/clusters, /metrics and this document is per cluster, under /api/clusters/{cluster}/. Offsets and lags are 64-bit decimal strings. Errors are application/problem+json (a filter error carries `field: "filter"` and the `position` in the expression); 429 means a cluster\'s budget of long-running reads (or of live tails) is full. Every message route takes `filter`, a CEL expression over key, value, headers, partition, offset, timestamp and size.',
    },
    paths: {
      '/metrics': {
        get: {
          summary: 'Prometheus text (format 0.0.4): per cluster, group, topic and partition lag, lag in seconds, committed and log end offsets; per group status; the console\'s own requests, lanes and samplers',
          responses: { '200': { description: 'OK', content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } } },
        },
      },
      '/api/health': { get: { summary: 'Liveness of the console', responses: ok('Health') } },
      '/api/me': { get: { summary: 'Who is signed in, how the console signs in, and their grants', responses: ok('Me') } },
      '/api/auth/login': { post: { summary: 'Sign in with a built-in user (sets the session cookie; 429 while throttled)', requestBody: body('LoginRequest'), responses: ok(null) } },
      '/api/auth/logout': { post: { summary: 'End the session', responses: ok(null) } },
      '/api/auth/oidc/start': { get: { summary: 'Begin an OpenID Connect sign-in (redirect to the provider)', responses: ok(null, '303') } },
      '/api/auth/oidc/callback': { get: { summary: "The provider's return with a code (sets the session, redirects back)", responses: ok(null, '303') } },
      '/api/audit': { get: { summary: 'The audit log, newest first (audit:view), filtered by user, cluster, action, result, from, to', responses: ok('AuditList') } },
      '/api/clusters': { get: { summary: 'Every cluster with its settings and health (never waits long on one cluster)', responses: ok('ClusterList') } },
      [`${c}/settings`]: { get: { summary: "The cluster's mode, bootstrap and safety switches", parameters: [cluster], responses: ok('ClusterInfo') } },
      [`${c}/health`]: { get: { summary: "The cluster's health and the use of its lanes", parameters: [cluster], responses: ok('ClusterLanesHealth') } },
      [`${c}/overview`]: { get: { summary: 'Cluster overview', parameters: [cluster], responses: ok('ClusterOverview') } },
      [`${c}/brokers/{id}/configs`]: {
        get: { summary: "One broker's configs; with id \"default\" the cluster-wide dynamic defaults", parameters: [cluster, pathParam('id')], responses: ok('ConfigEntries') },
        put: {
          summary: 'Set (or with null delete) dynamic broker configs of one broker or, with id "default", cluster-wide (IncrementalAlterConfigs, AlterConfigs on older brokers; TOPIC_CREATE_ENABLED)',
          parameters: [cluster, pathParam('id')],
          requestBody: body('UpdateBrokerConfigsRequest'),
          responses: ok('ConfigEntries'),
        },
      },
      [`${c}/log-dirs`]: { get: { summary: "Each broker's log directories and their size on disk (DescribeLogDirs)", parameters: [cluster], responses: ok('LogDirs') } },
      [`${c}/brokers/{id}`]: { get: { summary: 'Broker detail and configs', parameters: [cluster, pathParam('id')], responses: ok('BrokerDetail') } },
      [`${c}/topics`]: {
        get: { summary: 'Topic list', parameters: [cluster, ...queryParams('topics')], responses: ok('TopicList') },
        post: { summary: 'Create a topic', parameters: [cluster], requestBody: body('CreateTopicRequest'), responses: ok('CreateTopicResponse', '201') },
      },
      [`${c}/topics/{topic}`]: {
        get: { summary: 'Topic detail', parameters: topic, responses: ok('TopicDetail') },
        delete: { summary: 'Delete a topic', parameters: topic, responses: ok(null, '204') },
      },
      [`${c}/topics/{topic}/partitions`]: { post: { summary: 'Add partitions', parameters: topic, requestBody: body('AddPartitionsRequest'), responses: ok(null) } },
      [`${c}/topics/{topic}/configs`]: { put: { summary: 'Update topic configs', parameters: topic, requestBody: body('UpdateTopicConfigsRequest'), responses: ok('ConfigEntries') } },
      [`${c}/topics/{topic}/records/delete`]: {
        post: { summary: 'Purge records', parameters: topic, requestBody: body('DeleteRecordsRequest'), responses: ok('DeleteRecordsResponse') },
      },
      [`${c}/topics/{topic}/messages`]: {
        get: { summary: 'Browse messages (no consumer group)', parameters: [...topic, ...queryParams('messages')], responses: ok('MessagePage') },
        post: { summary: 'Produce one message, or several in order (`messages`); a null value is a tombstone', parameters: topic, requestBody: body('ProduceRequest'), responses: ok('ProduceResponse', '201') },
      },
      [`${c}/protobuf-descriptors`]: {
        get: {
          summary: "The .desc files of PROTOBUFDESC_DIRECTORY with each file's message types (what protobufDesc and protobufType take), and the default value format (the topic's, when named)",
          parameters: [cluster, ...queryParams('protobufDescriptors')],
          responses: ok('ProtobufDescriptors'),
        },
      },
      [`${c}/topics/{topic}/search`]: {
        get: {
          summary: "Search messages on the cluster's long-work lane: NDJSON stream of SearchEvent lines (429 when the lane is full)",
          parameters: [...topic, ...queryParams('search')],
          responses: ok('SearchEvent', '200', 'application/x-ndjson'),
        },
      },
      [`${c}/acls`]: {
        get: { summary: 'ACL bindings, filtered as Kafka filters them (enabled: false when the cluster has no authorizer)', parameters: [cluster, ...queryParams('acls')], responses: ok('AclList') },
        post: { summary: 'Create ACL bindings (ACL_EDIT_ENABLED)', parameters: [cluster], requestBody: body('AclBindingsRequest'), responses: ok('AclCreateResponse', '201') },
        delete: { summary: 'Delete exactly the ACL bindings in the body (ACL_EDIT_ENABLED)', parameters: [cluster], requestBody: body('AclBindingsRequest'), responses: ok('AclDeleteResponse') },
      },
      [`${c}/topics/{topic}/tail`]: {
        get: {
          summary:
            "Live tail: new records from each partition's end, by long polling (Fetch with max wait), with the filter and formats; NDJSON (or SSE with stream=sse or Accept: text/event-stream) of TailEvent; stops within a second of the client leaving; 429 beyond KAFSCOPE_MAX_TAILS",
          parameters: [...topic, ...queryParams('tail')],
          responses: { ...ok('TailEvent', '200', 'application/x-ndjson'), '200': { description: 'OK', content: { 'application/x-ndjson': { schema: ref('TailEvent') }, 'text/event-stream': { schema: ref('TailEvent') } } } },
        },
      },
      [`${c}/topics/{topic}/export`]: {
        get: {
          summary:
            'Export a range as a streamed file download: NDJSON (ExportRecord lines), JSON ({topic, records, export: ExportTrailer}) or CSV (csv-stringify; columns partition, offset, timestamp, key, keyEncoding, value, valueEncoding, headers as JSON); a cap reached is reported at the end of the file (an ExportTrailer line, or a "# " comment line in CSV); 429 when the long-work lane is full',
          parameters: [...topic, ...queryParams('export')],
          responses: {
            ...ok('ExportRecord', '200', 'application/x-ndjson'),
            '200': {
              description: 'The file',
              content: { 'application/x-ndjson': { schema: ref('ExportRecord') }, 'application/json': { schema: {} }, 'text/csv': { schema: { type: 'string' } } },
            },
          },
        },
      },
      [`${c}/topics/{topic}/replay`]: {
        post: {
          summary:
            'Replay chosen records (by partition/offset, by filter, or a range) to a topic of this or another cluster, or (DLQ preset) to the topic named in a header; dryRun answers the ReplayPlan as JSON, otherwise NDJSON of ReplayEvent (plan, progress, done); an idempotent producer; 403 when the target cluster is read-only or MESSAGE_SEND_ENABLED is off',
          parameters: topic,
          requestBody: body('ReplayRequest'),
          responses: {
            ...ok('ReplayPlan'),
            '200': { description: 'The plan (dryRun), or the replay as it happens', content: { 'application/json': { schema: ref('ReplayPlan') }, 'application/x-ndjson': { schema: ref('ReplayEvent') } } },
          },
        },
      },
      [`${c}/groups`]: { get: { summary: 'Consumer groups', parameters: [cluster, ...queryParams('groups')], responses: ok('GroupList') } },
      [`${c}/groups/{group}`]: {
        get: { summary: 'Consumer group detail', parameters: group, responses: ok('GroupDetail') },
        delete: { summary: 'Delete a consumer group without members', parameters: group, responses: ok(null, '204') },
      },
      [`${c}/groups/{group}/lag-history`]: {
        get: {
          summary: "The group's lag over time from the console's lag history: per partition, totals, rates, verdicts (404 when never sampled, 503 when the history is off)",
          parameters: [...group, ...queryParams('lagHistory')],
          responses: ok('LagHistory'),
        },
      },
      [`${c}/groups/{group}/offsets/preview`]: {
        post: { summary: 'Preview an offset reset', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
      [`${c}/groups/{group}/offsets/delete`]: {
        post: {
          summary: "Delete the group's committed offsets of one topic (OffsetDelete; Kafka refuses while members subscribe to it; GROUP_DELETE_ENABLED)",
          parameters: group,
          requestBody: body('DeleteGroupOffsetsRequest'),
          responses: ok('DeleteGroupOffsetsResponse'),
        },
      },
      [`${c}/groups/{group}/offsets/reset`]: {
        post: { summary: 'Reset offsets (group must have no members)', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
      [`${c}/schemas`]: { get: { summary: "The schema registry's subjects (503 when the registry is down)", parameters: [cluster, ...queryParams('subjects')], responses: ok('SubjectList') } },
      [`${c}/schemas/compatibility`]: {
        get: { summary: 'The global compatibility level', parameters: [cluster], responses: ok('Compatibility') },
        put: { summary: 'Set the global compatibility level (SCHEMA_EDIT_ENABLED)', parameters: [cluster], requestBody: body('SetCompatibilityRequest'), responses: ok('Compatibility') },
      },
      [`${c}/schemas/topics/{topic}`]: { get: { summary: "A topic's key and value subjects (TopicNameStrategy)", parameters: topic, responses: ok('TopicSubjects') } },
      [s]: {
        get: { summary: 'A subject: versions, latest schema, compatibility, topics', parameters: subject, responses: ok('SubjectDetail') },
        delete: { summary: 'Delete a subject: soft, or with permanent=true once soft-deleted (SCHEMA_EDIT_ENABLED)', parameters: [...subject, ...queryParams('schemaDelete')], responses: ok('DeletedVersions') },
      },
      [`${s}/versions`]: { post: { summary: 'Register a new version (409 when incompatible; SCHEMA_EDIT_ENABLED)', parameters: subject, requestBody: body('SchemaDraft'), responses: ok('RegisteredSchema', '201') } },
      [`${s}/versions/{version}`]: {
        get: { summary: 'One version (a number or latest), pretty-printed', parameters: [...subject, pathParam('version')], responses: ok('SchemaVersion') },
        delete: { summary: 'Delete a version: soft, or with permanent=true once soft-deleted (SCHEMA_EDIT_ENABLED)', parameters: [...subject, pathParam('version'), ...queryParams('schemaDelete')], responses: ok('DeletedVersions') },
      },
      [`${s}/diff`]: { get: { summary: 'Line diff of two versions', parameters: [...subject, ...queryParams('schemaDiff')], responses: ok('SchemaDiff') } },
      [`${s}/compatibility`]: {
        get: { summary: "The subject's compatibility level (own or global)", parameters: subject, responses: ok('Compatibility') },
        put: { summary: "Set the subject's level, or null to follow the global one (SCHEMA_EDIT_ENABLED)", parameters: subject, requestBody: body('SetCompatibilityRequest'), responses: ok('Compatibility') },
      },
      [`${s}/compatibility/check`]: {
        post: { summary: "The registry's compatibility verdict on a draft, before registering", parameters: subject, requestBody: body('CompatibilityCheckRequest'), responses: ok('CompatibilityCheck') },
      },
    },
    components: { schemas },
  };
}
