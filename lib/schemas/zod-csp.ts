// Every schema module imports this module first, for two settings that must hold before the first
// schema is built or used:
// - Zod builds a faster parser for each object schema with `new Function()` when it may, and finds
//   out whether it may by trying `new Function("")` once. The console's Content-Security-Policy has
//   no 'unsafe-eval' (proxy.ts), so in the browser that probe fails: harmlessly, but Chromium reports
//   it as a CSP violation on every page. Jitless mode skips both the probe and the compiled parsers;
//   the server, which has no CSP, keeps the fast path.
// - The schemas are written with zod/mini, which the browser can tree-shake (the classic API cost
//   every page about 33 KB of gzip). Mini carries no messages of its own ("Invalid input"), so the
//   English ones are loaded here, for the server's 4xx details and the forms alike.
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
if (typeof window !== 'undefined') z.config({ jitless: true });
