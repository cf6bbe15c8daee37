// 批量填报: one month's 调度数 for many projects at once; each row reports its own result.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { ApiError, get, post, query, type Paged } from '../../api';
import { STAGE, options, regionName, wan } from '../../labels';
import { ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';
import { warningTag } from './ProjectList';
import type { Project } from './types';

interface Entry { amount?: number | null; note?: string }
interface Outcome { ok: boolean; text: string }

export default function BulkProgress() {
  const [period, setPeriod] = useState(dayjs());
  const [stage, setStage] = useState<string | undefined>('underConstruction');
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState(false);
  const qs = query({ stage, q, ...page, sort: 'name' });
  const list = useLoad(() => get<Paged<Project>>(`/api/projects${qs}`), qs);
  const filled = Object.entries(entries).filter(([, e]) => e.amount != null);

  async function submitAll() {
    setBusy(true);
    const month = period.format('YYYY-MM');
    for (const [id, e] of filled) {
      try {
        await post(`/api/projects/${id}/progress`, { period: month, completedInvestment: e.amount, note: e.note || undefined });
        setOutcomes((o) => ({ ...o, [id]: { ok: true, text: '已报送' } }));
        setEntries((all) => { const next = { ...all }; delete next[id]; return next; });
      } catch (err) {
        const fields = err instanceof ApiError ? Object.values(err.fieldErrors).flat().join('；') : '';
        setOutcomes((o) => ({ ...o, [id]: { ok: false, text: fields || (err instanceof Error ? err.message : '未成功') } }));
      }
    }
    setBusy(false);
    list.reload();
  }

  const okCount = Object.values(outcomes).filter((o) => o.ok).length;
  const failCount = Object.values(outcomes).filter((o) => !o.ok).length;

  return (
    <div>
      <PageTitle title="月度调度批量填报" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>调度月份</span>
          <DatePicker picker="month" value={period} allowClear={false} onChange={(d) => d && setPeriod(d)} />
          <Select placeholder="阶段" allowClear value={stage} style={{ width: 120 }} options={options(STAGE)} onChange={setStage} />
          <Input.Search placeholder="项目名称" allowClear onSearch={setQ} style={{ width: 220 }} />
          <Button type="primary" disabled={!filled.length} loading={busy} onClick={submitAll} data-testid="submit-bulk">
            报送已填写的 {filled.length} 个项目
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          填写各项目 {period.format('YYYY年M月')} 当月完成投资（万元）；已报送的月份再次报送即为更正。审核锁定的月份不能修改。
        </Typography.Paragraph>
      </Card>
      {(okCount > 0 || failCount > 0) && (
        <Alert style={{ marginBottom: 16 }} showIcon type={failCount ? 'warning' : 'success'}
          message={`本次报送成功 ${okCount} 个${failCount ? `，未成功 ${failCount} 个（见各行说明）` : ''}`} />
      )}
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Project>
          size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { title: '项目名称', dataIndex: 'name', render: (v, p) => <Link to={`/projects/${p.id}`}>{v}</Link> },
            { title: '地区', dataIndex: 'regionCode', width: 80, render: (v) => regionName(v) },
            { title: '年度计划（万元）', dataIndex: 'annualPlannedInvestment', align: 'right', width: 120, render: wan },
            { title: '本年已完成（万元）', dataIndex: 'yearToDateInvestment', align: 'right', width: 130, render: wan },
            { title: '序时', width: 90, render: (_, p) => warningTag(p) },
            {
              title: '当月完成（万元）', width: 150,
              render: (_, p) => (
                <InputNumber size="small" precision={2} style={{ width: 130 }} value={entries[p.id]?.amount ?? null}
                  onChange={(v) => setEntries((all) => ({ ...all, [p.id]: { ...all[p.id], amount: v } }))} />
              ),
            },
            {
              title: '进展情况', width: 200,
              render: (_, p) => <Input size="small" value={entries[p.id]?.note} onChange={(e) => setEntries((all) => ({ ...all, [p.id]: { ...all[p.id], note: e.target.value } }))} />,
            },
            { title: '结果', width: 200, render: (_, p) => outcomes[p.id] && <Tag color={outcomes[p.id].ok ? 'green' : 'red'} style={{ whiteSpace: 'normal' }}>{outcomes[p.id].text}</Tag> },
          ]}
        />
      )}
    </div>
  );
}
