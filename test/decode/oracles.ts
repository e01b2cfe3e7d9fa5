// The independent serializers the decode tests compare against: Debian's Python (Apache Avro's
// implementation, msgpack-python) and protoc. Each runs as a child process and hands bytes back in hex.
import { execFile, execFileSync } from 'node:child_process';

/** Runs a Python 3 script with the system interpreter (where python3-avro and python3-msgpack live). */
export function python(script: string, input = ''): string {
  return execFileSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The same, without blocking the event loop: for scripts that call back into this process (an
 * HTTP server running in the test). */
export function pythonAsync(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', ['-c', script], { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

export const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.trim(), 'hex'));

/** Runs protoc in `cwd` with `args`, feeding `input`; returns stdout as bytes. */
export function protoc(cwd: string, args: string[], input = ''): Buffer {
  return execFileSync('protoc', args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The value of `"key":<integer>` in compact JSON text, as written (for integers past 2^53, which
 * JSON.parse would round). */
export function integerAt(json: string, key: string): string | undefined {
  return new RegExp(`"${key}":(-?\\d+)(?=[,}\\]])`).exec(json)?.[1];
}
