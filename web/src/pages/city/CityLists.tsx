// 九张清单: the nine lists for a period, in the caller's scope, paged, and each as the xlsx a bureau prints.
import { useState } from 'react';
import { Card, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { get, query, type Paged } from '../../api';
import { currentSession, isCity } from '../../session';
import { REGIONS, STAGE, KEY_LEVEL, label, options, percent, wan } from '../../labels';
import { DownloadButton, ErrorView, PageTitle, thisMonth, useLoad } from '../../components/PageBlocks';
import { PeriodPicker } from './PeriodPicker';
import type { Standing } from './CityOverview';

export const LISTS: [string, string][] = [
  ['investment-targets', '投资目标'], ['reserve-targets', '储备目标'], ['attraction-targets', '招商目标'],
  ['leader-projects', '领导包保重点项目'], ['not-started', '计划开工未开工'], ['started-not-included', '已开工未入库'],
  ['behind-schedule', '未按序时进度'], ['open-problems', '问题交办未销号'], ['pre-start-approvals', '计划开工项目前期手续'],
];

const COLUMN_NAMES: Record<string, string> = {
  leader: '包保领导', name: '项目名称', projectName: '项目名称', regionName: '地区', township: '乡镇', keyLevel: '重点级别', stage: '阶段',
  totalInvestment: '总投资（万元）', annualPlannedInvestment: '年度计划（万元）', yearToDate: '本年完成（万元）', responsibleUnit: '责任单位',
  plannedStartDate: '计划开工', readyToStart: '手续完备', leaderInCharge: '包联领导', startedOn: '开工日期', expected: '序时应完成（万元）',
  shortfall: '差额（万元）', title: '问题', level: '层级', status: '状态', department: '责任部门', assignee: '责任人', dueDate: '办结时限',
  overdue: '逾期', approved: '已批复', notApproved: '未批复', procedures: '手续办理情况', metrics: '指标',
};
const HIDDEN = new Set(['projectId', 'problemId', 'regionCode']);

function cell(key: string, v: unknown) {
  if (v == null) return '';
  if (key === 'stage') return label(STAGE, String(v));
  if (key === 'keyLevel') return label(KEY_LEVEL, String(v));
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return wan(v);
  if (key === 'metrics' && Array.isArray(v)) {
    return (v as Standing[]).map((m) => <div key={m.metric}>{m.name}：目标 {wan(m.target)}，完成 {wan(m.actual)}，{percent(m.completionRate)}</div>);
  }
  if (key === 'procedures' && Array.isArray(v)) {
    return (v as { procedureName: string; decision: string }[]).map((p) => <Tag key={p.procedureName}>{p.procedureName}：{p.decision}</Tag>);
  }
  if (Array.isArray(v)) return v.map(String).join('、');
  return String(v);
}

function ListTable({ list, period, regionCode }: { list: string; period: string; regionCode?: string }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const qs = query({ period, regionCode, ...page });
  const data = useLoad(() => get<Paged<Record<string, unknown>>>(`/api/city/lists/${list}${qs}`), list + qs);
  if (data.error) return <ErrorView error={data.error} onRetry={data.reload} />;
  const first = data.data?.items[0];
  const keys = first ? Object.keys(first).filter((k) => !HIDDEN.has(k)) : [];
  return (
    <Table size="small" expandable={{ childrenColumnName: 'subRows' }} loading={data.loading} dataSource={data.data?.items} scroll={{ x: 'max-content' }}
      rowKey={(r, i) => String(r.projectId ?? r.problemId ?? r.regionCode ?? i) + (r.leader ?? '')}
      locale={{ emptyText: '本期清单为空' }}
      pagination={{ current: page.page, pageSize: page.pageSize, total: data.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (t) => `共 ${t} 条` }}
      columns={keys.map((k) => ({
        title: COLUMN_NAMES[k] ?? k, dataIndex: k, key: k,
        render: (v: unknown, r: Record<string, unknown>) => (k === 'name' || k === 'projectName') && r.projectId
          ? <Link to={`/projects/${r.projectId}`}>{String(v)}</Link> : cell(k, v),
      }))} />
  );
}

export default function CityLists() {
  const session = currentSession()!;
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? thisMonth();
  const list = params.get('list') ?? LISTS[0][0];
  const [regionCode, setRegionCode] = useState<string>();
  const title = LISTS.find(([k]) => k === list)?.[1] ?? list;
  return (
    <div>
      <PageTitle title="九张清单" extra={
        <Space>
          <PeriodPicker value={period} onChange={(p) => setParams({ list, period: p })} />
          {isCity(session) && <Select placeholder="全部地区" allowClear style={{ width: 120 }} options={options(REGIONS)} value={regionCode} onChange={setRegionCode} />}
          <DownloadButton path={`/api/city/lists/${list}${query({ period, regionCode, format: 'xlsx' })}`} name={`${title}-${period}.xlsx`}>下载本清单</DownloadButton>
        </Space>
      } />
      <Card size="small">
        <Tabs activeKey={list} onChange={(k) => setParams({ list: k, period })}
          items={LISTS.map(([key, name]) => ({ key, label: name, children: key === list ? <ListTable list={key} period={period} regionCode={regionCode} /> : null }))} />
      </Card>
    </div>
  );
}
