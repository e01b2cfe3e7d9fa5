// Request bodies are bounded before they are held in memory: a declared Content-Length over the
// limit is refused at once (by the proxy, and again by the route wrapper), and a body sent without
// one (chunked) is read chunk by chunk and abandoned as soon as it passes the limit. Reading with
// request.text() instead would hold any size the client cares to send (a 200 MB body took the
// server from 152 to 941 MB of RSS, and it stayed there).
import 'server-only';
import { HttpProblem } from './problem';

export const payloadTooLarge = (max: number) =>
  new HttpProblem(413, 'Payload too large', `The request body is larger than ${max} bytes (KAFSCOPE_MAX_BODY_BYTES).`);

/** True when the request declares a body longer than `max` bytes. */
export function declaresMoreThan(headers: Headers, max: number): boolean {
  const declared = headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > max;
}

/** The body as text, read no further than `max` bytes (413 beyond). */
export async function readLimitedText(request: Request, max: number): Promise<string> {
  if (declaresMoreThan(request.headers, max)) throw payloadTooLarge(max);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(max);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
