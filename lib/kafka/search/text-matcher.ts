// What "matches" means for a text search over untrusted records. A regular expression typed by a
// user must never stall the server: JavaScript's own engine backtracks, so `(a+)+$` against thirty
// a's and a b takes seconds and blocks every request of the process. Patterns run on RE2JS instead,
// a port of RE2 whose matching time is linear in the input, whatever the pattern. The price is
// RE2's syntax: no backreferences or lookaround; such a pattern gets a clear 400 naming the problem.
import 'server-only';
import { RE2JS, RE2JSException } from 're2js';
import { invalid } from '../errors';

export interface TextQuery {
  q: string;
  mode: 'contains' | 'regex';
  caseSensitive: boolean;
}

export function textMatcher(query: TextQuery): (text: string) => boolean {
  if (query.mode === 'regex') {
    let re: RE2JS;
    try {
      re = RE2JS.compile(query.q, query.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    } catch (err) {
      const why = err instanceof RE2JSException ? err.message.replace(/^error parsing regexp: /, '') : 'it does not compile';
      throw invalid(`The search expression is not a valid regular expression (RE2 syntax, no backreferences or lookaround): ${why}.`, 'q');
    }
    return (t) => re.matcher(t).find();
  }
  const needle = query.caseSensitive ? query.q : query.q.toLowerCase();
  return (t) => (query.caseSensitive ? t : t.toLowerCase()).includes(needle);
}
