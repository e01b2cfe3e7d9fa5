// Schema evolution rules. For Avro, "reader can read what writer wrote" is Avro's schema resolution,
// decided by avsc's createResolver (which throws when two schemas cannot be resolved): fields added
// with a default, fields removed, int→long→float→double, string↔bytes, enum symbols (or the reader's
// default), unions branch by branch, named types by name or alias. Namespaces are ignored when
// matching names, as Avro's Java SchemaCompatibility (which Confluent uses) does.
// The levels, as Confluent defines them, for a new schema against the live versions, oldest first:
//   BACKWARD  the new schema reads data written with the latest version   (+_TRANSITIVE: with all)
//   FORWARD   the latest version reads data written with the new schema   (+_TRANSITIVE: all)
//   FULL      both                                                        (+_TRANSITIVE: all)
//   NONE      anything goes
// Protobuf and JSON Schema get NONE semantics whatever the level (their syntax is still checked on
// registration); only a change of schema type is refused under a level other than NONE.
import type { Type } from 'avsc';
import type { CompatibilityLevel, SchemaType } from './records';

export interface Comparable {
  schemaType: SchemaType;
  avro?: Type;
  /** The version, for messages (absent for the candidate). */
  version?: number;
}

/** Why `reader` cannot read data written with `writer`; null when it can. */
export function avroReadProblem(reader: Type, writer: Type): string | null {
  try {
    reader.createResolver(writer, { ignoreNamespaces: true });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function problems(reader: Comparable, writer: Comparable, readerName: string, writerName: string): string[] {
  if (reader.schemaType !== writer.schemaType) return [`schema type ${writer.schemaType} of ${writerName} differs from ${reader.schemaType} of ${readerName}`];
  if (reader.schemaType !== 'AVRO' || !reader.avro || !writer.avro) return [];
  const problem = avroReadProblem(reader.avro, writer.avro);
  return problem === null ? [] : [`${readerName} cannot read data written with ${writerName}: ${problem}`];
}

/** Messages explaining each incompatibility of `candidate` with `previous` (oldest first) under
 * `level`; empty when compatible. */
export function compatibilityProblems(level: CompatibilityLevel, candidate: Comparable, previous: Comparable[]): string[] {
  if (level === 'NONE' || previous.length === 0) return [];
  const against = level.endsWith('_TRANSITIVE') ? [...previous].reverse() : [previous[previous.length - 1]!];
  const backward = level.startsWith('BACKWARD') || level.startsWith('FULL');
  const forward = level.startsWith('FORWARD') || level.startsWith('FULL');
  const out: string[] = [];
  for (const old of against) {
    const oldName = old.version === undefined ? 'the existing schema' : `version ${old.version}`;
    if (backward) out.push(...problems(candidate, old, 'the new schema', oldName));
    if (forward) out.push(...problems(old, candidate, oldName, 'the new schema'));
  }
  return out;
}
