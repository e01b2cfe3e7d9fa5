// The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas the routes parse
// with and the browser validates against, so the document cannot drift from the code. Paths are
// listed here by hand (one line each); their bodies and responses are references to the schemas.
import 'server-only';
import { z } from 'zod';
import * as S from '../schemas';
import { VERSION } from '../version';

const components: Record<string, z.ZodType> = {
  Problem: S.ProblemSchema,
  Health: S.HealthSchema,
  ClusterList: S.ClusterListSchema,
  ClusterInfo: S.ClusterInfoSchema,
  ClusterLanesHealth: S.ClusterLanesHealthSchema,
  ClusterOverview: S.ClusterOverviewSchema,
  BrokerDetail: S.BrokerDetailSchema,
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
  ProduceRequest: S.ProduceRequestSchema,
  ProduceResponse: S.ProduceResponseSchema,
  SearchEvent: S.SearchEventSchema,
  GroupList: S.GroupListSchema,
  GroupDetail: S.GroupDetailSchema,
  ResetOffsetsRequest: S.ResetOffsetsRequestSchema,
  ResetPreview: S.ResetPreviewSchema,
};

const queries: Record<string, z.ZodObject> = {
  topics: S.TopicListQuerySchema,
  messages: S.MessagesQuerySchema,
  search: S.SearchQuerySchema as unknown as z.ZodObject,
  groups: S.GroupListQuerySchema,
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
  const shape = queries[name]!.shape as Record<string, z.ZodType>;
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
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kafscope API',
      version: VERSION,
      description:
        'Every route but /api/health, /api/clusters and this document is per cluster, under /api/clusters/{cluster}/. Offsets and lags are 64-bit decimal strings. Errors are application/problem+json; 429 means a cluster\'s budget of long-running reads is full.',
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness of the console', responses: ok('Health') } },
      '/api/clusters': { get: { summary: 'Every cluster with its settings and health (never waits long on one cluster)', responses: ok('ClusterList') } },
      [`${c}/settings`]: { get: { summary: "The cluster's mode, bootstrap and safety switches", parameters: [cluster], responses: ok('ClusterInfo') } },
      [`${c}/health`]: { get: { summary: "The cluster's health and the use of its lanes", parameters: [cluster], responses: ok('ClusterLanesHealth') } },
      [`${c}/overview`]: { get: { summary: 'Cluster overview', parameters: [cluster], responses: ok('ClusterOverview') } },
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
      [`${c}/topics/{topic}/search`]: {
        get: {
          summary: "Search messages on the cluster's long-work lane: NDJSON stream of SearchEvent lines (429 when the lane is full)",
          parameters: [...topic, ...queryParams('search')],
          responses: ok('SearchEvent', '200', 'application/x-ndjson'),
        },
      },
      [`${c}/groups`]: { get: { summary: 'Consumer groups', parameters: [cluster, ...queryParams('groups')], responses: ok('GroupList') } },
      [`${c}/groups/{group}`]: {
        get: { summary: 'Consumer group detail', parameters: group, responses: ok('GroupDetail') },
        delete: { summary: 'Delete a consumer group without members', parameters: group, responses: ok(null, '204') },
      },
      [`${c}/groups/{group}/offsets/preview`]: {
        post: { summary: 'Preview an offset reset', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
      [`${c}/groups/{group}/offsets/reset`]: {
        post: { summary: 'Reset offsets (group must have no members)', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
    },
    components: { schemas },
  };
}
