import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../i18n/i18n.tsx';
import { staffMessages } from '../../i18n/staff.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface Series { name: string; values: (number | null)[] }

/**
 * A bar chart drawn by ECharts (only the parts used are bundled), with a visually hidden data table next to it:
 * a canvas says nothing to a screen reader, the table says everything. `title` names both.
 */
export function BarChartBlock({ title, categories, series, height = 300, horizontal = false, max }: { title: string; categories: string[]; series: Series[]; height?: number; horizontal?: boolean; max?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT(staffMessages);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const valueAxis = { type: 'value' as const, max };
    const catAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : categories.length > 6 ? 30 : 0 } };
    chart.setOption({
      aria: { enabled: true, label: { description: title } },
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 140 : 48, right: 24, top: series.length > 1 ? 32 : 16, bottom: horizontal ? 24 : 64 },
      xAxis: horizontal ? valueAxis : catAxis,
      yAxis: horizontal ? { ...catAxis, axisLabel: { width: 130, overflow: 'truncate' } } : valueAxis,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 28 })),
      color: ['#0b5cad', '#d46b08', '#389e0d', '#722ed1', '#c41d7f'],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, categories, series, horizontal, max]);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />
      <table className="tb-sr-only">
        <caption>{`${title} — ${t('chartTable')}`}</caption>
        <thead><tr><th scope="col">{title}</th>{series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}</tr></thead>
        <tbody>{categories.map((c, i) => <tr key={c}><th scope="row">{c}</th>{series.map((s) => <td key={s.name}>{s.values[i] ?? '—'}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
