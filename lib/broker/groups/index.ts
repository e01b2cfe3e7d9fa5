// Consumer groups on the broker: what group handlers and admin handlers import.
export { clientHost, dropTopicOffsets, groupsOf, GroupsService, type CoordinatorLookup } from './service';
export { OFFSETS_TOPIC } from './offsets-log';
export { groupSettings, GROUP_SETTING_DEFAULTS, type GroupSettings } from './settings';
