// The subject page's URL state: the version shown and the two versions diffed, so a view of a schema
// or of a change between versions can be shared as a link. Junk falls back to the defaults.
import { z } from 'zod/mini';

const version = z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(0x7fffffff))), undefined);

export const SubjectPageParamsSchema = z.object({ version, from: version, to: version });
export type SubjectPageParams = z.infer<typeof SubjectPageParamsSchema>;

/** The pair to diff: the URL's, else the two newest versions (or the one there is, with itself). */
export function diffPair(versions: readonly number[], p: SubjectPageParams): { from: number; to: number } | null {
  if (versions.length === 0) return null;
  const newest = versions[versions.length - 1]!;
  const previous = versions.length > 1 ? versions[versions.length - 2]! : newest;
  return { from: p.from ?? previous, to: p.to ?? newest };
}
