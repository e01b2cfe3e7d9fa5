// Finds `count` consecutive free TCP ports starting at `preferred` (9092 for the demo), moving up
// when one is taken — the demo must start even where a real Kafka already listens on 9092.
import net from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function findFreePorts(preferred: number, count: number, host: string, attempts = 200): Promise<number> {
  for (let base = preferred; base < preferred + attempts; base++) {
    let ok = true;
    for (let i = 0; i < count && ok; i++) ok = await isFree(base + i, host);
    if (ok) return base;
  }
  throw new Error(`no ${count} consecutive free ports between ${preferred} and ${preferred + attempts}`);
}
