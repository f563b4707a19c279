import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { fmt } from './text.js';

/**
 * Series colours, in order. The browser test counts chart marks by them: a mark is an SVG
 * element filled or stroked with one of these.
 */
export const PALETTE = ['#2f6db5', '#e07b28', '#3a9a5b', '#c0392b', '#7d5ba6', '#8c6d31'] as const;

/** A restated value's mark (a later report printed another value for the same period). */
export const RESTATED_COLOR = '#d81b60';

const FONT = "'Noto Sans KR', 'Nanum Gothic', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif";

let loaded: typeof Echarts | undefined;
const charts: Record<string, Echarts.ECharts> = {};
/**
 * ECharts' one-file CommonJS build: loading it takes a fifth of the time its ES modules (hundreds
 * of files) take, and only the report needs it, so it is loaded on the first chart.
 */
const echarts = (): typeof Echarts => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

export interface ChartSeries {
  readonly name: string;
  readonly values: ReadonlyArray<number | null>;
  /** Points drawn as restated (index into values). */
  readonly restated?: ReadonlySet<number>;
}

export interface ChartSpec {
  readonly kind: 'bar' | 'line';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The unit, shown on the value axis. */
  readonly unit: string;
  readonly width?: number;
  readonly height?: number;
}

const seriesOption = (spec: ChartSpec, s: ChartSeries, i: number) => ({
  name: s.name,
  type: spec.kind,
  data: s.values.map((v, k) =>
    s.restated?.has(k) ? { value: v, symbolSize: 11, itemStyle: { color: RESTATED_COLOR } } : v,
  ),
  itemStyle: { color: PALETTE[i % PALETTE.length] },
  lineStyle: { color: PALETTE[i % PALETTE.length], width: 2 },
  symbol: 'circle',
  symbolSize: 6,
  barMaxWidth: 28,
});

/**
 * A bar or line chart as an SVG string, rendered here (ECharts' server-side SVG renderer: no
 * DOM, no canvas), so the page needs no script. Text stays text: the browser draws the Korean.
 */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 280;
  // One instance per size, reused: setting a whole new option (notMerge) costs less than a new chart.
  const key = `${width}x${height}`;
  const chart = (charts[key] ??= echarts().init(null, null, { renderer: 'svg', ssr: true, width, height }));
  chart.setOption(
    {
      animation: false,
      textStyle: { fontFamily: FONT },
      legend: spec.series.length > 1 ? { top: 0, type: 'plain' } : undefined,
      grid: { left: 12, right: 16, top: spec.series.length > 1 ? 36 : 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...spec.categories], axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', name: spec.unit, axisLabel: { formatter: (v: number) => fmt(v) } },
      series: spec.series.map((s, i) => seriesOption(spec, s, i)),
    },
    { notMerge: true },
  );
  return chart.renderToSVGString();
}

/** Disposes the chart instances: a live instance keeps a timer that would keep the process from exiting. */
export function releaseCharts(): void {
  for (const [key, chart] of Object.entries(charts)) {
    chart.dispose();
    delete charts[key];
  }
}
