'use client';
// One uPlot chart (time on x), sized to its container and redrawn when the data changes. This module
// is the only one importing uPlot and its stylesheet, and the group page loads it with a dynamic
// import, so neither weighs on the first paint of any page. uPlot draws on a canvas: 100 partitions
// x 2,000 points each is 200,000 points, which it draws in milliseconds.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from './chart-data';

const PALETTE = ['#10b981', '#f59e0b', '#3b82f6', '#ef4444', '#8b5cf6', '#14b8a6', '#ec4899', '#84cc16', '#f97316', '#06b6d4', '#a855f7', '#64748b'];
const AXIS = { stroke: '#71717a', grid: { stroke: 'rgba(113,113,122,0.15)', width: 1 }, ticks: { stroke: 'rgba(113,113,122,0.3)', width: 1 } };

export interface UplotChartProps {
  data: ChartData;
  /** What the y values are ("records", "records/s", "s"), for the axis and the legend. */
  unit: string;
  height?: number;
  /** Charts with the same key move their cursors together. */
  syncKey?: string;
  label: string;
}

export default function UplotChart({ data, unit, height = 220, syncKey, label }: UplotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const format = (v: number | null) => (v === null || v === undefined ? '—' : `${Number.isInteger(v) ? v.toLocaleString() : v.toLocaleString(undefined, { maximumFractionDigits: 2 })} ${unit}`);
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      scales: { x: { time: true } },
      cursor: syncKey ? { sync: { key: syncKey } } : {},
      legend: { show: data.series.length <= 24 },
      axes: [{ ...AXIS }, { ...AXIS, size: 70, values: (_u, splits) => splits.map((v) => (Math.abs(v) >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : Math.abs(v) >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : String(v))) }],
      series: [
        {},
        ...data.series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 1.5, value: (_u: uPlot, v: number | null) => format(v), points: { show: false } })),
      ],
    };
    const plot = new uPlot(opts, [data.xs, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, unit, height, syncKey]);
  return <div ref={box} role="figure" aria-label={label} className="w-full min-w-0" />;
}
