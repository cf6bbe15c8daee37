// 序时进度: the year's plan spread evenly (m/12 by month m) against the reported 调度数 accumulated month by month.
import { Chart } from '../../components/Chart';
import type { ProgressYear } from './types';

export function ScheduleChart({ progress }: { progress: ProgressYear }) {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const byMonth = new Map(progress.months.map((m) => [Number(m.period.slice(5, 7)), m.completedInvestment]));
  const last = Math.max(0, ...byMonth.keys());
  let running = 0;
  const cumulative = months.map((m) => {
    running += byMonth.get(m) ?? 0;
    return m <= last ? Math.round(running * 100) / 100 : null;
  });
  const expected = months.map((m) => Math.round((progress.annualPlannedInvestment * m) / 12 * 100) / 100);
  return (
    <Chart
      testId="schedule-chart"
      option={{
        title: { text: `${progress.year} 年序时进度（万元）`, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, data: ['序时应完成', '累计完成', '当月完成'] },
        grid: { left: 60, right: 24, top: 40, bottom: 48 },
        xAxis: { type: 'category', data: months.map((m) => `${m}月`) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { name: '序时应完成', type: 'line', data: expected, lineStyle: { type: 'dashed' }, itemStyle: { color: '#999' }, symbol: 'none' },
          { name: '累计完成', type: 'line', data: cumulative, itemStyle: { color: '#c62828' }, connectNulls: false },
          { name: '当月完成', type: 'bar', data: months.map((m) => byMonth.get(m) ?? null), itemStyle: { color: '#ef9a9a' }, barMaxWidth: 24 },
        ],
      }}
    />
  );
}
