// A small line of a group's recent total lag beside its row: an SVG polyline of a dozen points,
// drawn only for the rows on screen (the list is paged and virtualised), so 10,000 groups cost
// nothing here. Values are 64-bit strings; drawing needs only their relative size, so they are
// scaled with bigint and turned into numbers only as fractions.
export function Sparkline({ values, label }: { values: readonly string[]; label: string }) {
  const w = 64;
  const h = 18;
  if (values.length < 2) return <span className="inline-block w-16 text-xs text-zinc-400" aria-label={`${label}: not enough samples yet`}>·</span>;
  const nums = values.map((v) => BigInt(v));
  let lo = nums[0]!;
  let hi = nums[0]!;
  for (const n of nums) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  const span = hi - lo;
  const y = (n: bigint) => (span === 0n ? h / 2 : h - 1 - (Number(((n - lo) * 1000n) / span) / 1000) * (h - 2));
  const points = nums.map((n, i) => `${((i / (nums.length - 1)) * (w - 2) + 1).toFixed(1)},${y(n).toFixed(1)}`).join(' ');
  const rising = nums.at(-1)! > nums[0]!;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: lag from ${values[0]} to ${values.at(-1)}`} className="inline-block align-middle">
      <polyline points={points} fill="none" strokeWidth="1.5" className={rising ? 'stroke-amber-500' : 'stroke-emerald-500'} />
    </svg>
  );
}
