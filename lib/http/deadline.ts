// An answer within the configured request timeout, whatever the cluster does. A broker that accepts
// connections and never answers makes every request to it wait the full KAFKA_REQUEST_TIMEOUT_MS,
// and a page built from several such requests in sequence (a group's watermarks, one retry, then its
// coordinator) took 20-40 s. The route stops waiting at the timeout and answers 504; the abandoned
// work still ends on kafkajs' own timeouts and frees its lane then.
import 'server-only';
import { timedOut } from '../kafka/errors';

export async function withinRequestTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(`The cluster did not answer within ${ms} ms (KAFKA_REQUEST_TIMEOUT_MS).`)), ms);
  });
  // The work may still fail after we stopped waiting: that failure has no one to tell.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
