// The bindings behind the create dialog's presets, as Kafka's own kafka-acls.sh grants them: a
// consumer (--consumer) may READ and DESCRIBE its topic and READ its group; a producer (--producer)
// may WRITE, DESCRIBE and CREATE its topic. A pure function, so the dialog's preview and what is sent
// cannot differ.
import type { AclBinding, AclPatternType } from '@/lib/schemas/acl';

export type AclPreset = 'custom' | 'consumer' | 'producer';

export const PRESET_LABELS: Record<AclPreset, string> = {
  custom: 'One binding',
  consumer: 'Consumer of a topic, with its group',
  producer: 'Producer of a topic',
};

export interface PresetInput {
  principal: string;
  host: string;
  topic: string;
  group: string;
  patternType: AclPatternType;
}

export function presetBindings(preset: Exclude<AclPreset, 'custom'>, i: PresetInput): AclBinding[] {
  const common = { principal: i.principal.trim(), host: i.host.trim() || '*', patternType: i.patternType, permission: 'ALLOW' as const };
  const onTopic = (operation: AclBinding['operation']): AclBinding => ({ ...common, resourceType: 'TOPIC', resourceName: i.topic.trim(), operation });
  if (preset === 'producer') return [onTopic('WRITE'), onTopic('DESCRIBE'), onTopic('CREATE')];
  return [onTopic('READ'), onTopic('DESCRIBE'), { ...common, resourceType: 'GROUP', resourceName: i.group.trim(), operation: 'READ' }];
}

/** A binding in one line, as kafka-acls.sh prints it. */
export function describeBinding(b: AclBinding): string {
  return `${b.permission} ${b.principal} from ${b.host} to ${b.operation} ${b.resourceType} ${b.patternType === 'PREFIXED' ? `${b.resourceName}*` : b.resourceName}`;
}
