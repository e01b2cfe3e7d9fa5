// Rewrites a full-resolution day file at a coarser one (default: one round per 5 minutes), once,
// when the day passes the downsampling age: every round is decoded (deltas chain through the rounds
// that are dropped), the first round of each interval is kept and encoded again into a new file
// beside it, which is flushed to disk and renamed over `YYYY-MM-DD.5m.klh` before the original is
// deleted. A crash at any point leaves either the original or the finished copy, never half of one
// (start-up deletes a `.tmp` and prefers the `.5m` file when both are there).
import 'server-only';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DayFile } from './day-file';
import { RoundDecoder } from './round-decoder';
import { RoundEncoder } from './round-encoder';
import { FORMAT_VERSION, fileNameOf } from './store-format';

export async function downsampleFile(source: DayFile, dir: string, resolutionMs: number, keyframeEveryMs: number): Promise<DayFile> {
  const { header } = source;
  const final = join(dir, fileNameOf(header.day, true));
  const tmp = `${final}.tmp`;
  const dict = await source.dictionary();
  const decoder = new RoundDecoder(dict, header.groupBuckets, header.partitionBuckets);
  const out = await DayFile.create(tmp, { version: FORMAT_VERSION, day: header.day, resolutionMs, groupBuckets: header.groupBuckets, partitionBuckets: header.partitionBuckets });
  try {
    const encoder = new RoundEncoder(header.groupBuckets, header.partitionBuckets);
    let lastSlot = -1;
    let lastKeyframe = -Infinity;
    for (const e of source.rounds) {
      const body = await source.roundBody(e);
      const slot = Math.floor(e.at / resolutionMs);
      if (slot === lastSlot) {
        decoder.skip(body);
        continue;
      }
      lastSlot = slot;
      const round = decoder.decode(body);
      const keyframe = round.at - lastKeyframe >= keyframeEveryMs;
      if (keyframe) lastKeyframe = round.at;
      const encoded = encoder.encode(round, keyframe);
      await out.appendRound(round.at, keyframe, encoder.dict.takePending(), encoded);
    }
    await out.sync();
  } catch (err) {
    await out.close();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await out.close();
  await rename(tmp, final);
  await source.close();
  await unlink(source.path).catch(() => undefined);
  const reopened = await DayFile.open(final, false);
  if (!reopened) throw new Error(`lag history: ${final} could not be read back`);
  return reopened;
}
