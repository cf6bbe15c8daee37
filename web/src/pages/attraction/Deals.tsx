// 签约项目: signed deals, their two-way commitments, conversion into the project library and funds in place.
import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { get, post, query, type Paged } from '../../api';
import { CATEGORY, NATURE, options, percent, regionName, wan } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, thisYear, useLoad } from '../../components/PageBlocks';

interface Deal {
  id: string; regionCode: string; name: string; investors: { name: string }[]; amount: number; signedOn: string; industry?: string;
  plannedStartOn?: string; projectId?: string; startedOn?: string; startedInSigningYear: boolean; fundsInPlace: number; overdueCommitments: number;
}
interface Summary { total: { signedCount: number; signedTotalInvestment: number; newStartPlannedTotalInvestment: number; fundsInPlace: number; sameYearStartRate?: number } }

const yesNo = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];

export default function Deals() {
  const [filters, setFilters] = useState<Record<string, unknown>>({ year: thisYear() });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = query({ ...filters, ...page });
  const list = useLoad(() => get<Paged<Deal>>(`/api/attraction/deals${q}`), q);
  const year = String(filters.year ?? thisYear());
  const summary = useLoad(() => get<Summary>(`/api/attraction/summary?period=${year}`), year);
  const t = summary.data?.total;

  return (
    <div>
      <PageTitle title="签约项目" extra={
        <ActionModal title="登记签约项目" button="登记签约" type="primary" size="middle" success="签约项目已登记" onDone={list.reload}
          fields={[
            { name: 'name', label: '项目名称', required: true },
            { name: 'investors', label: '投资方（每行一个）', kind: 'lines', required: true },
            { name: 'amount', label: '签约总投资（万元）', kind: 'number', required: true },
            { name: 'signedOn', label: '签约日期', kind: 'date', required: true },
            { name: 'industry', label: '产业' },
            { name: 'plannedStartOn', label: '计划开工日期', kind: 'date' },
          ]}
          run={({ investors, ...v }) => post('/api/attraction/deals', { ...v, investors: (investors as string[]).map((name) => ({ name })) })} />
      } />
      {t && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}><Card size="small"><Statistic title={`${year} 年新签约总投资（万元）`} value={wan(t.signedTotalInvestment)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="新开工项目计划总投资（万元）" value={wan(t.newStartPlannedTotalInvestment)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="资金到位（万元）" value={wan(t.fundsInPlace)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="签约项目当年开工率" value={percent(t.sameYearStartRate)} /></Card></Col>
        </Row>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" initialValues={filters} onFinish={(v) => { setFilters(v); setPage((p) => ({ ...p, page: 1 })); }}>
          <Form.Item name="q"><Input placeholder="项目名称" allowClear /></Form.Item>
          <Form.Item name="year"><InputNumber placeholder="签约年度" /></Form.Item>
          <Form.Item name="converted"><Select placeholder="已转化入库" allowClear style={{ width: 120 }} options={yesNo} /></Form.Item>
          <Form.Item name="started"><Select placeholder="已开工" allowClear style={{ width: 100 }} options={yesNo} /></Form.Item>
          <Form.Item name="hasOverdueCommitments"><Select placeholder="承诺逾期" allowClear style={{ width: 110 }} options={yesNo} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">查询</Button></Form.Item>
        </Form>
      </Card>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Deal> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items} scroll={{ x: 1300 }}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { title: '项目名称', dataIndex: 'name', width: 220 },
            { title: '地区', dataIndex: 'regionCode', width: 70, render: regionName },
            { title: '投资方', dataIndex: 'investors', width: 180, render: (v: Deal['investors']) => v.map((i) => i.name).join('、') },
            { title: '签约额（万元）', dataIndex: 'amount', align: 'right', width: 110, render: wan },
            { title: '签约日期', dataIndex: 'signedOn', width: 100 },
            { title: '资金到位（万元）', dataIndex: 'fundsInPlace', align: 'right', width: 120, render: wan },
            { title: '入库', dataIndex: 'projectId', width: 80, render: (v) => (v ? <Link to={`/projects/${v}`}>已入库</Link> : <Tag>未入库</Tag>) },
            { title: '开工', dataIndex: 'startedOn', width: 100, render: (v, d) => (v ? `${v}${d.startedInSigningYear ? '（当年）' : ''}` : '未开工') },
            { title: '承诺逾期', dataIndex: 'overdueCommitments', width: 80, render: (v) => (v ? <Tag color="red">{v}</Tag> : '—') },
            { title: '操作', fixed: 'right', width: 230, render: (_, d) => <DealActions deal={d} reload={list.reload} /> },
          ]} />
      )}
    </div>
  );
}

function DealActions({ deal, reload }: { deal: Deal; reload: () => void }) {
  const path = `/api/attraction/deals/${deal.id}`;
  return (
    <Space size={4} wrap>
      {!deal.projectId && (
        <ActionModal title={`转化入库：${deal.name}`} button="转化入库" type="primary" success="已转入项目库" onDone={reload}
          fields={[
            { name: 'category', label: '项目类别', kind: 'select', options: options(CATEGORY), initial: 'industry' },
            { name: 'nature', label: '建设性质', kind: 'select', options: options(NATURE), initial: 'new' },
            { name: 'annualPlannedInvestment', label: '年度计划投资（万元）', kind: 'number' },
            { name: 'year', label: '计划年度', kind: 'number' },
            { name: 'leaderInCharge', label: '包联领导' },
          ]}
          run={(v) => post(`${path}/convert`, v)} />
      )}
      <ActionModal title={`资金到位：${deal.name}`} button="资金到位" success="已记录到位资金" onDone={reload}
        fields={[
          { name: 'amount', label: '到位金额（万元）', kind: 'number', required: true },
          { name: 'arrivedOn', label: '到位日期', kind: 'date', required: true },
          { name: 'note', label: '说明' },
        ]}
        run={(v) => post(`${path}/funds`, v)} />
      <ActionModal title={`双向承诺：${deal.name}`} button="承诺" success="承诺已登记" onDone={reload}
        fields={[
          { name: 'side', label: '承诺方', kind: 'select', required: true, options: [{ value: 'investor', label: '投资方' }, { value: 'government', label: '政府方' }] },
          { name: 'kind', label: '承诺类别（投资、用地、用电…）', required: true },
          { name: 'content', label: '承诺内容', kind: 'textarea', required: true },
          { name: 'amount', label: '金额（万元）', kind: 'number' },
          { name: 'dueOn', label: '兑现期限', kind: 'date', required: true },
        ]}
        run={(v) => post(`${path}/commitments`, v)} />
    </Space>
  );
}
