// Every verdict rule (lib/kafka/history/verdicts.ts) on hand-made sample series, with the edges:
// one sample, no commits, empty partitions, an incomplete window, a window complete by time.
import { describe, expect, it } from 'vitest';
import { formatDuration, groupVerdict, partitionVerdict, type VerdictPoint, type VerdictWindow } from '../../lib/kafka/history/verdicts';

const W: VerdictWindow = { samples: 5, ms: 5 * 60_000 };

/** Points every 30 s from [committed, logEnd] pairs (log start 0). */
function series(pairs: [number | null, number | null][], logStart = 0): VerdictPoint[] {
  return pairs.map(([c, e], i) => ({
    t: 1_000_000 + i * 30_000,
    committed: c === null ? null : BigInt(c),
    logStart: e === null ? null : BigInt(logStart),
    logEnd: e === null ? null : BigInt(e),
  }));
}

describe('partition verdicts', () => {
  it('ERROR: a commit above the log end, with the negative lag', () => {
    const v = partitionVerdict(series([[100, 100], [120, 100]]), 1, W);
    expect(v).toEqual({ status: 'ERROR', reason: 'committed offset 120 is above the log end 100 (lag -20)' });
  });

  it('ERROR: a commit below the log start, records lost to retention', () => {
    const v = partitionVerdict(series([[5, 100], [5, 120]], 50), 1, W);
    expect(v.status).toBe('ERROR');
    expect(v.reason).toBe('committed offset 5 is below the log start 50: 45 records lost to retention');
  });

  it('ERROR wins over REWIND', () => {
    expect(partitionVerdict(series([[90, 100], [150, 100]]), 1, W).status).toBe('ERROR');
    expect(partitionVerdict(series([[90, 100], [10, 100]], 50), 1, W).status).toBe('ERROR');
  });

  it('REWIND: the committed offset moved back, even with the window incomplete', () => {
    const v = partitionVerdict(series([[500, 600], [200, 600]]), 1, W);
    expect(v).toEqual({ status: 'REWIND', reason: 'committed offset moved back from 500 to 200' });
  });

  it('REWIND stays while the step back is in the window, and goes after', () => {
    const pts = series([[500, 600], [200, 600], [300, 600], [400, 600], [600, 600]]);
    expect(partitionVerdict(pts, 1, W).status).toBe('REWIND');
    // One sample more: the window (5 samples) starts after the step back.
    const later = series([[500, 600], [200, 600], [300, 600], [400, 600], [600, 600], [700, 700]]);
    expect(partitionVerdict(later, 1, W)).toEqual({ status: 'OK', reason: 'caught up (lag 0)' });
  });

  it('OK: caught up, and lag that reached 0 within the window', () => {
    expect(partitionVerdict(series([[10, 10], [20, 20]]), 1, W)).toEqual({ status: 'OK', reason: 'caught up (lag 0)' });
    const v = partitionVerdict(series([[10, 10], [10, 20], [10, 30], [10, 40], [10, 50]]), 1, W);
    expect(v).toEqual({ status: 'OK', reason: 'lag reached 0 within the window; now 40' });
  });

  it('STALL: position unchanged over the whole window, lag > 0, members present', () => {
    const v = partitionVerdict(series([[10, 20], [10, 30], [10, 40], [10, 50], [10, 60]]), 2, W);
    expect(v).toEqual({ status: 'STALL', reason: 'committed offset 10 unchanged for 2m0s while lag is 50 (2 members present)' });
  });

  it('STALL with members unknown; STOP without members', () => {
    const pts = series([[10, 20], [10, 20], [10, 20], [10, 20], [10, 20]]);
    expect(partitionVerdict(pts, null, W)).toEqual({ status: 'STALL', reason: 'committed offset 10 unchanged for 2m0s while lag is 10 (members unknown)' });
    expect(partitionVerdict(pts, 0, W)).toEqual({
      status: 'STOP',
      reason: 'no commits for over 2m0s: committed offset 10 unchanged while lag is 10 and the group has no members',
    });
  });

  it('not STALL nor STOP before the window is complete', () => {
    const v = partitionVerdict(series([[10, 20], [10, 30], [10, 40]]), 0, W);
    expect(v).toEqual({ status: 'OK', reason: 'lag 30 (3 of 5 samples so far)' });
  });

  it('a window complete by time: older history counts, a single sample in it does not judge', () => {
    const pts = series([[10, 20], [10, 30], [10, 40], [10, 50]]);
    // The first two samples are more than `ms` older than the newest: the window is complete.
    const tight: VerdictWindow = { samples: 5, ms: 60_000 };
    expect(partitionVerdict(pts, 0, tight).status).toBe('STOP');
    const gap: VerdictPoint[] = [...series([[10, 20]]), { t: 1_000_000 + 10 * 60_000, committed: 10n, logStart: 0n, logEnd: 90n }];
    expect(partitionVerdict(gap, 0, tight)).toEqual({ status: 'OK', reason: 'lag 80 (a single sample in the last 1m0s)' });
  });

  it('OK: lag falling', () => {
    const v = partitionVerdict(series([[0, 300], [100, 320], [200, 330], [300, 350], [340, 360]]), 1, W);
    expect(v).toEqual({ status: 'OK', reason: 'lag falling: 300 to 20 over 2m0s' });
  });

  it('WARN: lag rising at every step while the position moves', () => {
    const v = partitionVerdict(series([[0, 100], [10, 150], [20, 200], [30, 260], [40, 300]]), 3, W);
    expect(v).toEqual({ status: 'WARN', reason: 'lag rising: 100 to 260 over 2m0s' });
  });

  it('OK, not WARN, when the lag dipped within the window', () => {
    const v = partitionVerdict(series([[0, 100], [10, 150], [100, 160], [110, 260], [120, 300]]), 3, W);
    expect(v).toEqual({ status: 'OK', reason: 'lag 180 (was 100 2m0s ago)' });
  });

  it('OK: keeping up with a steady lag', () => {
    const v = partitionVerdict(series([[0, 10], [10, 20], [20, 30], [30, 40], [40, 50]]), 1, W);
    expect(v).toEqual({ status: 'OK', reason: 'keeping up: lag 10 steady' });
  });

  it('one sample: nothing to judge but the log bounds', () => {
    expect(partitionVerdict(series([[10, 50]]), 0, W)).toEqual({ status: 'OK', reason: 'lag 40 (1 of 5 samples so far)' });
    expect(partitionVerdict(series([[60, 50]]), 0, W).status).toBe('ERROR');
  });

  it('no commits: OK with the reason', () => {
    expect(partitionVerdict([], 1, W)).toEqual({ status: 'OK', reason: 'no committed offset' });
    expect(partitionVerdict(series([[null, 10], [null, 20]]), 1, W)).toEqual({ status: 'OK', reason: 'no committed offset' });
  });

  it('an empty partition (log start = log end = committed = 0) is caught up', () => {
    expect(partitionVerdict(series([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), 0, W)).toEqual({ status: 'OK', reason: 'caught up (lag 0)' });
  });

  it('log end not known: nothing to judge', () => {
    expect(partitionVerdict(series([[10, 20], [10, null]]), 1, W)).toEqual({ status: 'OK', reason: 'committed offset 10; log end not known' });
  });

  it('offsets beyond 2^53 are compared exactly', () => {
    const big = 2n ** 62n;
    const pts: VerdictPoint[] = [0, 1, 2, 3, 4].map((i) => ({ t: i * 30_000, committed: big, logStart: 0n, logEnd: big + 1n + BigInt(i) }));
    expect(partitionVerdict(pts, 1, W)).toEqual({ status: 'STALL', reason: `committed offset ${big} unchanged for 2m0s while lag is 5 (1 member present)` });
  });
});

describe('group verdicts', () => {
  it('the worst partition wins, with its reason and how many more share it', () => {
    const ok = series([[10, 10], [20, 20]]);
    const stall = series([[10, 20], [10, 30], [10, 40], [10, 50], [10, 60]]);
    const v = groupVerdict(
      [
        { topic: 'a', partition: 0, points: ok },
        { topic: 'a', partition: 1, points: stall },
        { topic: 'b', partition: 0, points: stall },
      ],
      1,
      W,
    );
    expect(v.status).toBe('STALL');
    expect(v.reason).toBe('a-1: committed offset 10 unchanged for 2m0s while lag is 50 (1 member present) (and 1 more partition)');
    expect(v.partitions.map((p) => p.status)).toEqual(['OK', 'STALL', 'STALL']);
  });

  it('order of severity: ERROR > REWIND > STOP > STALL > WARN > OK', () => {
    const error = series([[120, 100]]);
    const rewind = series([[50, 100], [40, 100]]);
    const stop = series([[10, 20], [10, 20], [10, 20], [10, 20], [10, 20]]);
    const warn = series([[0, 100], [10, 150], [20, 200], [30, 260], [40, 300]]);
    const g = (points: VerdictPoint[][]) => groupVerdict(points.map((p, i) => ({ topic: 't', partition: i, points: p })), 0, W).status;
    expect(g([warn, stop, rewind, error])).toBe('ERROR');
    expect(g([warn, stop, rewind])).toBe('REWIND');
    expect(g([warn, stop])).toBe('STOP');
    expect(g([warn])).toBe('WARN');
  });

  it('a group without commits is OK, saying so', () => {
    expect(groupVerdict([], 2, W)).toEqual({ status: 'OK', reason: 'no committed offsets', partitions: [] });
  });
});

describe('formatDuration', () => {
  it('reads like a person wrote it', () => {
    expect(formatDuration(800)).toBe('0.8s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(270_000)).toBe('4m30s');
    expect(formatDuration(3_900_000)).toBe('1h5m');
  });
});
