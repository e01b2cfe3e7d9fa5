// The configuration file's `auth:` block, read with the same line-numbered locator as its clusters,
// so a mistake in a role or a user names its line.
import 'server-only';
import { LineCounter, parseDocument } from 'yaml';
import { AuthFileSchema } from './auth-schema';
import type { AuthFileSource } from './auth';
import { locator, shapeError } from './clusters-from-file';

export function authFromFile(file: string, text: string): AuthFileSource | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = locator(file, doc, lines);
  const content = doc.toJS({ maxAliasCount: 100 }) as { auth?: unknown } | null;
  if (!content || content.auth === undefined) return null;
  const parsed = AuthFileSchema.safeParse(content.auth);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ ...i, path: ['auth', ...i.path] }));
    throw shapeError(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0], locate);
  }
  return { data: parsed.data, at: (path) => locate.at(path) };
}
