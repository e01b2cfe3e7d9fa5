// The sub-path the console is served under (KAFSCOPE_BASE_PATH / SERVER_SERVLET_CONTEXTPATH, read
// at build time by scripts/base-path.cjs). Next prefixes its own links, router and assets; the URLs
// we build by hand — the browser's calls to the API, downloads, full-page redirects, cookies' paths —
// go through here. Next inlines the value into server and browser bundles alike, so both read it
// the same way and it costs nothing at run time.
export const BASE_PATH: string = process.env.__NEXT_ROUTER_BASEPATH ?? '';

/** A root-relative URL ('/api/...') as the browser must ask for it; absolute URLs pass unchanged. */
export function withBasePath(url: string): string {
  return BASE_PATH && url.startsWith('/') && !url.startsWith('//') ? `${BASE_PATH}${url}` : url;
}

/** A request's path as the app's routes know it: the base path taken off. */
export function withoutBasePath(pathname: string): string {
  if (!BASE_PATH || !pathname.startsWith(BASE_PATH)) return pathname;
  const rest = pathname.slice(BASE_PATH.length);
  return rest === '' ? '/' : rest.startsWith('/') ? rest : pathname;
}
