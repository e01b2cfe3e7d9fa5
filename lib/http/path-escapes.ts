// A path with a broken percent-escape ("%ZZ", a lone "%", or escapes that are not UTF-8) cannot name
// anything: Next's router or a page decoding its segment would throw and answer 500. The proxy
// answers 400 for it instead, before anything else reads the path.
import 'server-only';

export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
