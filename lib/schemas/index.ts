// The DTO vocabulary shared by route handlers and the browser.
export * from './common';
export * from './config';
export * from './broker';
export * from './topic';
export * from './message';
export * from './group';
export * from './lag-history';
export * from './settings';
export * from './health';
export * from './cluster';
export * from './acl';
export * from './schema-registry';
export * from './filter';
export * from './streams';
export * from './group-offsets';
export * from './permissions';
export * from './audit';
