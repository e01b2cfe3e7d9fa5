// The APIs the broker serves, by Kafka's name: the generator emits tables for these and no others, so
// generated/ holds no code that nothing runs. It must name exactly the APIs of handlers/registry.ts
// (generate.test.ts checks that). The generator cannot read the registry itself, because the
// handlers import the very tables it writes. To serve a new API: add its name here, run
// `npm run gen:protocol`, then write its handler and register it.

export const SERVED_APIS: readonly string[] = [
  'Produce', // 0
  'Fetch', // 1
  'ListOffsets', // 2
  'Metadata', // 3
  'OffsetCommit', // 8
  'OffsetFetch', // 9
  'FindCoordinator', // 10
  'JoinGroup', // 11
  'Heartbeat', // 12
  'LeaveGroup', // 13
  'SyncGroup', // 14
  'DescribeGroups', // 15
  'ListGroups', // 16
  'SaslHandshake', // 17
  'ApiVersions', // 18
  'CreateTopics', // 19
  'DeleteTopics', // 20
  'DeleteRecords', // 21
  'InitProducerId', // 22
  'DescribeAcls', // 29
  'CreateAcls', // 30
  'DeleteAcls', // 31
  'DescribeConfigs', // 32
  'AlterConfigs', // 33
  'DescribeLogDirs', // 35 (definition in gen/definitions/: Kafka's folder lacks it)
  'SaslAuthenticate', // 36
  'CreatePartitions', // 37
  'DeleteGroups', // 42
  'IncrementalAlterConfigs', // 44
  'OffsetDelete', // 47
];
