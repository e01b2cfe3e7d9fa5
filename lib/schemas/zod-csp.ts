// Zod builds a faster parser for each object schema with `new Function()` when it may, and finds out
// whether it may by trying `new Function("")` once, when the first object schema is built. The
// console's Content-Security-Policy has no 'unsafe-eval' (proxy.ts), so in the browser that probe
// fails: harmlessly, but Chromium reports it as a CSP violation on every page. Jitless mode skips
// both the probe and the compiled parsers. It must be on before the first z.object() is built, so
// every schema module imports this module first; the server, which has no CSP, keeps the fast path.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
