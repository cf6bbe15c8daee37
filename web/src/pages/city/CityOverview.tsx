// 排名总览: every region's target, actual, completion rate and rank per metric, as charts and the ranking table.
import { useState } from 'react';
import { Card, Col, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../api';
import { percent, wan } from '../../labels';
import { Chart } from '../../components/Chart';
import { DownloadButton, ErrorView, PageTitle, thisMonth, useLoad } from '../../components/PageBlocks';
import { PeriodPicker } from './PeriodPicker';

export interface Standing { metric: string; name: string; unit: string; target?: number; actual: number; completionRate?: number; rank?: number; changeSincePreviousMonth?: number; scheduled?: number }
interface RegionOverview { regionCode: string; regionName: string; metrics: Standing[] }
interface Overview { period: string; asOfMonth: string; city?: RegionOverview; regions: RegionOverview[] }

const FEATURED = ['fixedAssetInvestment', 'industrialInvestment', 'privateInvestment', 'newStarts', 'inclusions', 'signedTotalInvestment'];

export default function CityOverview() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? thisMonth();
  const [metric, setMetric] = useState('fixedAssetInvestment');
  const overview = useLoad(() => get<Overview>(`/api/city/overview?period=${period}`), period);
  const o = overview.data;
  const metrics = o?.regions[0]?.metrics ?? [];
  const chosen = metrics.find((m) => m.metric === metric) ?? metrics[0];
  const rows = (o?.regions ?? []).map((r) => ({ region: r, s: r.metrics.find((m) => m.metric === chosen?.metric)! })).filter((x) => x.s);
  const ranked = [...rows].sort((a, b) => (a.s.rank ?? 99) - (b.s.rank ?? 99));
  const city = o?.city?.metrics.find((m) => m.metric === chosen?.metric);

  return (
    <div data-testid="city-overview">
      <PageTitle title="各县（市、区）目标完成排名" extra={
        <Space>
          <PeriodPicker value={period} onChange={(p) => setParams({ period: p })} />
          <DownloadButton path={`/api/city/overview?period=${period}&format=xlsx`} name={`排名通报-${period}.xlsx`}>下载排名通报</DownloadButton>
        </Space>
      } />
      {overview.error ? <ErrorView error={overview.error} onRetry={overview.reload} /> : (
        <>
          <Typography.Paragraph type="secondary">统计期 {o?.period ?? period}，数据截至 {o?.asOfMonth ?? '—'}。金额单位：万元。</Typography.Paragraph>
          <Card size="small" style={{ marginBottom: 16 }} loading={overview.loading}>
            <Segmented
              options={metrics.filter((m) => FEATURED.includes(m.metric) || m.metric === metric).map((m) => ({ value: m.metric, label: m.name }))}
              value={chosen?.metric} onChange={(v) => setMetric(String(v))} style={{ marginBottom: 12 }} />
            {chosen && (
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <Chart testId="overview-chart" height={340} option={{
                    title: { text: `${chosen.name}（${chosen.unit}）`, left: 'center', textStyle: { fontSize: 14 } },
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 70, right: 60, top: 40, bottom: 50 },
                    xAxis: { type: 'category', data: rows.map((x) => x.region.regionName) },
                    yAxis: [{ type: 'value', name: chosen.unit }, { type: 'value', name: '完成率', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }],
                    series: [
                      { name: '目标', type: 'bar', data: rows.map((x) => x.s.target ?? null), itemStyle: { color: '#bdbdbd' }, barMaxWidth: 22 },
                      { name: '完成', type: 'bar', data: rows.map((x) => x.s.actual), itemStyle: { color: '#c62828' }, barMaxWidth: 22 },
                      ...(chosen.scheduled != null ? [{ name: '调度数', type: 'bar', data: rows.map((x) => x.s.scheduled ?? null), itemStyle: { color: '#ef9a9a' }, barMaxWidth: 22 }] : []),
                      { name: '完成率', type: 'line', yAxisIndex: 1, data: rows.map((x) => x.s.completionRate ?? null), itemStyle: { color: '#1565c0' } },
                    ],
                  }} />
                </Col>
                <Col xs={24} lg={10}>
                  <Table size="small" pagination={false} rowKey={(x) => x.region.regionCode} dataSource={ranked} data-testid="ranking"
                    columns={[
                      { title: '排名', width: 56, render: (_, x) => x.s.rank ?? '—' },
                      { title: '地区', render: (_, x) => x.region.regionName },
                      { title: '目标', align: 'right', render: (_, x) => wan(x.s.target) },
                      { title: '完成', align: 'right', render: (_, x) => <span data-testid={`actual-${x.region.regionCode}`}>{wan(x.s.actual)}</span> },
                      ...(chosen.scheduled !== undefined && chosen.scheduled !== null ? [{
                        title: '调度数', align: 'right' as const,
                        render: (_: unknown, x: (typeof ranked)[number]) => <span data-testid={`scheduled-${x.region.regionCode}`}>{wan(x.s.scheduled)}</span>,
                      }] : []),
                      { title: '完成率', align: 'right', render: (_, x) => percent(x.s.completionRate) },
                      {
                        title: '较上月', align: 'right', render: (_, x) => !x.s.changeSincePreviousMonth ? (x.s.changeSincePreviousMonth === 0 ? '0' : '—')
                          : <span style={{ color: x.s.changeSincePreviousMonth >= 0 ? '#2e7d32' : '#c62828' }}>
                              {x.s.changeSincePreviousMonth >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {wan(Math.abs(x.s.changeSincePreviousMonth))}
                            </span>,
                      },
                    ]} />
                  {city && (
                    <Typography.Paragraph style={{ marginTop: 8 }}>
                      全市：目标 {wan(city.target)}，完成 {wan(city.actual)}{city.scheduled != null ? `（调度数 ${wan(city.scheduled)}）` : ''}，完成率 {percent(city.completionRate)}
                    </Typography.Paragraph>
                  )}
                </Col>
              </Row>
            )}
          </Card>
          <Card size="small" title="全部指标">
            <Table size="small" rowKey="regionCode" pagination={false} dataSource={o?.regions} scroll={{ x: 1400 }} loading={overview.loading}
              columns={[
                { title: '地区', dataIndex: 'regionName', fixed: 'left', width: 80 },
                ...metrics.map((m) => ({
                  title: `${m.name}（${m.unit}）`, width: 130,
                  render: (_: unknown, r: RegionOverview) => {
                    const s = r.metrics.find((x) => x.metric === m.metric);
                    if (!s) return '';
                    return <span>{wan(s.actual)}{s.completionRate != null && <> / {percent(s.completionRate)}</>}{s.rank != null && <Tag style={{ marginLeft: 4 }}>第{s.rank}</Tag>}</span>;
                  },
                })),
              ]} />
          </Card>
        </>
      )}
    </div>
  );
}
