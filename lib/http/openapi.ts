// The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas the routes parse
// with and the browser validates against, so the document cannot drift from the code. Paths are
// listed here by hand (one line each); their bodies and responses are references to the schemas.
import { z } from 'zod';
import * as S from '../schemas';
import { VERSION } from '../version';

const components: Record<string, z.ZodType> = {
  Problem: S.ProblemSchema,
  Health: S.HealthSchema,
  Settings: S.SettingsSchema,
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
  '502': problem,
  '503': problem,
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
  const topic = [pathParam('topic')];
  const group = [pathParam('group')];
  return {
    openapi: '3.1.0',
    info: { title: 'Kafscope API', version: VERSION, description: 'Offsets and lags are 64-bit decimal strings. Errors are application/problem+json.' },
    paths: {
      '/api/health': { get: { summary: 'Liveness of the console', responses: ok('Health') } },
      '/api/settings': { get: { summary: 'Mode, bootstrap and safety switches', responses: ok('Settings') } },
      '/api/cluster': { get: { summary: 'Cluster overview', responses: ok('ClusterOverview') } },
      '/api/brokers/{id}': { get: { summary: 'Broker detail and configs', parameters: [pathParam('id')], responses: ok('BrokerDetail') } },
      '/api/topics': {
        get: { summary: 'Topic list', parameters: queryParams('topics'), responses: ok('TopicList') },
        post: { summary: 'Create a topic', requestBody: body('CreateTopicRequest'), responses: ok('CreateTopicResponse', '201') },
      },
      '/api/topics/{topic}': {
        get: { summary: 'Topic detail', parameters: topic, responses: ok('TopicDetail') },
        delete: { summary: 'Delete a topic', parameters: topic, responses: ok(null, '204') },
      },
      '/api/topics/{topic}/partitions': { post: { summary: 'Add partitions', parameters: topic, requestBody: body('AddPartitionsRequest'), responses: ok(null) } },
      '/api/topics/{topic}/configs': { put: { summary: 'Update topic configs', parameters: topic, requestBody: body('UpdateTopicConfigsRequest'), responses: ok('ConfigEntries') } },
      '/api/topics/{topic}/records/delete': {
        post: { summary: 'Purge records', parameters: topic, requestBody: body('DeleteRecordsRequest'), responses: ok('DeleteRecordsResponse') },
      },
      '/api/topics/{topic}/messages': {
        get: { summary: 'Browse messages (no consumer group)', parameters: [...topic, ...queryParams('messages')], responses: ok('MessagePage') },
        post: { summary: 'Produce one message', parameters: topic, requestBody: body('ProduceRequest'), responses: ok('ProduceResponse', '201') },
      },
      '/api/topics/{topic}/search': {
        get: { summary: 'Search messages: NDJSON stream of SearchEvent lines', parameters: [...topic, ...queryParams('search')], responses: ok('SearchEvent', '200', 'application/x-ndjson') },
      },
      '/api/groups': { get: { summary: 'Consumer groups', parameters: queryParams('groups'), responses: ok('GroupList') } },
      '/api/groups/{group}': {
        get: { summary: 'Consumer group detail', parameters: group, responses: ok('GroupDetail') },
        delete: { summary: 'Delete a consumer group without members', parameters: group, responses: ok(null, '204') },
      },
      '/api/groups/{group}/offsets/preview': {
        post: { summary: 'Preview an offset reset', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
      '/api/groups/{group}/offsets/reset': {
        post: { summary: 'Reset offsets (group must have no members)', parameters: group, requestBody: body('ResetOffsetsRequest'), responses: ok('ResetPreview') },
      },
    },
    components: { schemas },
  };
}
