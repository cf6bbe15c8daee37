// 目标分解: where the districts' (or townships') targets do not add up to the parent's, the gap is shown, not hidden.
import { Alert, Card, Space, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../api';
import { wan } from '../../labels';
import { ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';
import { PeriodPicker } from './PeriodPicker';

interface Check { metric: string; name: string; unit: string; parentLevel: string; regionCode: string; regionName: string; parentTarget?: number; childrenTotal: number; children: number; gap?: number; balanced: boolean }
interface Report { period: string; checks: Check[]; unbalanced?: number }

export default function Decomposition() {
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? '2023-Q4';
  const report = useLoad(() => get<Report>(`/api/city/targets/decomposition?period=${period}`), period);
  const checks = report.data?.checks ?? [];
  const gaps = checks.filter((c) => !c.balanced);
  return (
    <div>
      <PageTitle title="目标分解核查" extra={<Space><PeriodPicker value={period} onChange={(p) => setParams({ period: p })} /></Space>} />
      {report.error ? <ErrorView error={report.error} onRetry={report.reload} /> : (
        <>
          {report.data && (
            <Alert style={{ marginBottom: 16 }} showIcon type={gaps.length ? 'warning' : 'success'}
              message={gaps.length ? `${gaps.length} 项指标的下级目标之和与上级目标不一致（缺口如下，未分解部分如实列出）` : '各项指标分解完整'} />
          )}
          <Card size="small">
            <Table<Check> size="small" expandable={{ childrenColumnName: 'subRows' }} rowKey={(c) => `${c.metric}-${c.regionCode}-${c.parentLevel}`} loading={report.loading} dataSource={[...gaps, ...checks.filter((c) => c.balanced)]}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '上级', render: (_, c) => `${c.regionName}（${c.parentLevel === 'city' ? '市级' : '县级'}）` },
                { title: '上级目标', align: 'right', render: (_, c) => `${wan(c.parentTarget)} ${c.unit}` },
                { title: '下级合计', align: 'right', render: (_, c) => `${wan(c.childrenTotal)} ${c.unit}` },
                { title: '下级数', dataIndex: 'children', align: 'right' },
                { title: '缺口', align: 'right', render: (_, c) => (c.gap ? <b style={{ color: '#c62828' }}>{wan(c.gap)} {c.unit}</b> : '—') },
                { title: '结果', render: (_, c) => (c.balanced ? <Tag color="green">一致</Tag> : <Tag color="red">未分解完</Tag>) },
              ]} />
          </Card>
        </>
      )}
    </div>
  );
}
