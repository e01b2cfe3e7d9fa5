// Idempotent-producer bookkeeping of one partition, as Kafka keeps it: per producerId the epoch and
// the last few batches' sequence ranges and offsets. A retried batch is answered with its original
// offsets; a gap or a stale epoch is refused. Rebuilt from batch headers when a log is opened.

import { ErrorCode } from '../../common/kafka-error-codes';

const KEEP_BATCHES = 5;
const INT32_MAX = 0x7fffffff;

interface BatchMeta {
  firstSeq: number;
  lastSeq: number;
  baseOffset: bigint;
  lastOffset: bigint;
  logAppendTime: bigint;
}

interface ProducerEntry {
  epoch: number;
  batches: BatchMeta[]; // oldest first
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: bigint; lastOffset: bigint; logAppendTime: bigint }
  | { kind: 'error'; errorCode: number; message: string };

/** Sequence of the batch's last record (sequences wrap at int32 max to 0). */
export function lastSequence(baseSequence: number, lastOffsetDelta: number): number {
  const s = baseSequence + lastOffsetDelta;
  return s > INT32_MAX ? s - INT32_MAX - 1 : s;
}

const inSequence = (last: number, next: number) => next === last + 1 || (next === 0 && last === INT32_MAX);

export class ProducerState {
  private producers = new Map<bigint, ProducerEntry>();

  check(producerId: bigint, epoch: number, firstSeq: number, lastSeq: number): SequenceCheck {
    const entry = this.producers.get(producerId);
    // No state (new producer, or its batches were removed by retention): accept what comes.
    if (!entry) return { kind: 'append' };
    if (epoch < entry.epoch)
      return { kind: 'error', errorCode: ErrorCode.INVALID_PRODUCER_EPOCH, message: `Producer ${producerId} epoch ${epoch} is older than ${entry.epoch}` };
    if (epoch > entry.epoch) {
      if (firstSeq !== 0)
        return {
          kind: 'error',
          errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `Producer ${producerId} new epoch ${epoch} must start at sequence 0, not ${firstSeq}`,
        };
      return { kind: 'append' };
    }
    const dup = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq);
    if (dup) return { kind: 'duplicate', baseOffset: dup.baseOffset, lastOffset: dup.lastOffset, logAppendTime: dup.logAppendTime };
    const last = entry.batches.at(-1);
    if (last && !inSequence(last.lastSeq, firstSeq))
      return {
        kind: 'error',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `Producer ${producerId} sequence ${firstSeq} does not follow ${last.lastSeq}`,
      };
    return { kind: 'append' };
  }

  record(producerId: bigint, epoch: number, meta: BatchMeta): void {
    let entry = this.producers.get(producerId);
    if (!entry || entry.epoch !== epoch) {
      entry = { epoch, batches: [] };
      this.producers.set(producerId, entry);
    }
    entry.batches.push(meta);
    if (entry.batches.length > KEEP_BATCHES) entry.batches.shift();
  }

  clear(): void {
    this.producers.clear();
  }
}
