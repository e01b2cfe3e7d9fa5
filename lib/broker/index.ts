// The embedded broker's public surface: start it, and the types of what comes back.
export { startBroker } from './broker';
export type { BrokerOptions, BrokerNodeInfo, RunningBroker } from './broker';
export type { BrokerStatsSnapshot } from './metrics';
