// 政策资金: programmes (中央预算内投资, 专项债, 超长期特别国债 …) and project applications from draft to disbursement.
import { useState } from 'react';
import { Button, Card, Col, Popconfirm, Row, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { get, post, query, type Paged } from '../../api';
import { APPLICATION_STATUS, CATEGORY, PROGRAMME_KIND, label, options, percent, regionName, wan } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, act, thisYear, useLoad } from '../../components/PageBlocks';

interface Programme { id: string; regionCode: string; name: string; kind: string; year: number; batch: string; opensOn: string; closesOn: string; eligibleCategories: string[]; maxShare: number; isCityWide: boolean }
interface Application { id: string; projectId: string; projectName: string; regionCode: string; programmeKind: string; year: number; requestedAmount: number; status: string; approvedAmount?: number; allocatedAmount: number; disbursedAmount: number }
interface KnownProject { id: string; name: string }
interface Summary { requested: number; approved: number; disbursed: number; growthPercent?: number; target?: { progressPercent: number } }

function Programmes() {
  const list = useLoad(() => get<Paged<Programme>>('/api/funding/programmes?pageSize=100'), 'programmes');
  return (
    <>
      <ActionModal title="新建资金计划" button="新建资金计划" type="primary" size="middle" success="资金计划已创建" onDone={list.reload}
        fields={[
          { name: 'name', label: '名称', required: true },
          { name: 'kind', label: '资金类别', kind: 'select', required: true, options: options(PROGRAMME_KIND) },
          { name: 'year', label: '年度', kind: 'number', required: true, initial: thisYear() },
          { name: 'batch', label: '批次', required: true },
          { name: 'opensOn', label: '开始申报', kind: 'date', required: true },
          { name: 'closesOn', label: '截止申报', kind: 'date', required: true },
          { name: 'eligibleCategories', label: '支持领域（每行一个类别代码，如 infrastructure）', kind: 'lines' },
          { name: 'maxShare', label: '最高支持比例（0–1）', kind: 'number', required: true },
        ]}
        run={(v) => post('/api/funding/programmes', v)} />
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Programme> style={{ marginTop: 12 }} size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items} pagination={false}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kind', render: (v) => label(PROGRAMME_KIND, v) },
            { title: '年度 / 批次', render: (_, p) => `${p.year} / ${p.batch}` },
            { title: '申报时间', render: (_, p) => `${p.opensOn} 至 ${p.closesOn}` },
            { title: '支持领域', dataIndex: 'eligibleCategories', render: (v: string[]) => (v.length ? v.map((c) => label(CATEGORY, c)).join('、') : '不限') },
            { title: '最高比例', dataIndex: 'maxShare', render: (v) => percent(v) },
            { title: '范围', render: (_, p) => (p.isCityWide ? <Tag color="red">全市</Tag> : regionName(p.regionCode)) },
          ]} />
      )}
    </>
  );
}

function Applications() {
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const qs = query({ ...filters, ...page });
  const list = useLoad(() => get<Paged<Application>>(`/api/funding/applications${qs}`), qs);
  const projects = useLoad(() => get<Paged<KnownProject>>('/api/funding/projects?pageSize=200'), 'known');
  const programmes = useLoad(() => get<Paged<Programme>>('/api/funding/programmes?pageSize=100'), 'programmes');
  const step = (a: Application, action: string, text: string) => (
    <Popconfirm title={`${text}？`} okText="确定" cancelText="取消" onConfirm={() => act(() => post(`/api/funding/applications/${a.id}/${action}`), `已${text}`).then(list.reload)}>
      <Button size="small">{text}</Button>
    </Popconfirm>
  );
  const transfer = (a: Application, action: string, text: string) => (
    <ActionModal title={`${text}：${a.projectName}`} button={text} success={`已${text}`} onDone={list.reload}
      fields={[{ name: 'amount', label: '金额（万元）', kind: 'number', required: true }, { name: 'date', label: '日期', kind: 'date' }, { name: 'document', label: '文号' }]}
      run={(v) => post(`/api/funding/applications/${a.id}/${action}`, v)} />
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <ActionModal title="新建资金申报" button="新建申报" type="primary" size="middle" success="申报已创建（草稿）" onDone={list.reload}
          fields={[
            { name: 'projectId', label: '项目', kind: 'select', required: true, options: (projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })) },
            { name: 'programmeId', label: '资金计划', kind: 'select', required: true, options: (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.batch}）` })) },
            { name: 'requestedAmount', label: '申请金额（万元）', kind: 'number', required: true },
            { name: 'materials', label: '申报材料（每行一项）', kind: 'lines' },
          ]}
          run={(v) => post('/api/funding/applications', v)} />
        <Select placeholder="状态" allowClear style={{ width: 130 }} options={options(APPLICATION_STATUS)} onChange={(status) => setFilters((f) => ({ ...f, status }))} />
        <Select placeholder="资金类别" allowClear style={{ width: 170 }} options={options(PROGRAMME_KIND)} onChange={(kind) => setFilters((f) => ({ ...f, kind }))} />
      </Space>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Application> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items} scroll={{ x: 1300 }}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { title: '项目', dataIndex: 'projectName', width: 220, render: (v, a) => <Link to={`/projects/${a.projectId}`}>{v}</Link> },
            { title: '地区', dataIndex: 'regionCode', width: 70, render: regionName },
            { title: '类别', dataIndex: 'programmeKind', width: 140, render: (v) => label(PROGRAMME_KIND, v) },
            { title: '申请', dataIndex: 'requestedAmount', align: 'right', width: 90, render: wan },
            { title: '批准', dataIndex: 'approvedAmount', align: 'right', width: 90, render: wan },
            { title: '下达', dataIndex: 'allocatedAmount', align: 'right', width: 90, render: wan },
            { title: '拨付', dataIndex: 'disbursedAmount', align: 'right', width: 90, render: wan },
            { title: '状态', dataIndex: 'status', width: 100, render: (v) => <Tag>{label(APPLICATION_STATUS, v)}</Tag> },
            {
              title: '操作', fixed: 'right', width: 280, render: (_, a) => (
                <Space size={4} wrap>
                  {a.status === 'draft' && step(a, 'submit', '提交')}
                  {a.status === 'submitted' && step(a, 'review', '县级审核')}
                  {a.status === 'countyReview' && step(a, 'recommend', '推荐上报')}
                  {['submitted', 'countyReview', 'recommended'].includes(a.status) && (
                    <ActionModal title="批准" button="批准" type="primary" success="已批准" onDone={list.reload}
                      fields={[{ name: 'approvedAmount', label: '批准金额（万元）', kind: 'number', required: true, initial: a.requestedAmount }, { name: 'note', label: '说明' }]}
                      run={(v) => post(`/api/funding/applications/${a.id}/approve`, v)} />
                  )}
                  {['submitted', 'countyReview', 'recommended'].includes(a.status) && (
                    <ActionModal title="不予支持" button="驳回" danger success="已驳回" onDone={list.reload}
                      fields={[{ name: 'reason', label: '原因', kind: 'textarea', required: true }]}
                      run={(v) => post(`/api/funding/applications/${a.id}/reject`, v)} />
                  )}
                  {a.status === 'approved' && transfer(a, 'allocate', '下达')}
                  {a.status === 'approved' && transfer(a, 'disburse', '拨付')}
                </Space>
              ),
            },
          ]} />
      )}
    </>
  );
}

export default function FundingPage() {
  const year = thisYear();
  const summary = useLoad(() => get<Summary>(`/api/funding/summary${query({ year })}`), String(year));
  const s = summary.data;
  return (
    <div>
      <PageTitle title="政策资金" />
      {s && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}><Card size="small"><Statistic title={`${year} 年申请（万元）`} value={wan(s.requested)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="已批准（万元）" value={wan(s.approved)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="已拨付（万元）" value={wan(s.disbursed)} /></Card></Col>
          <Col span={6}><Card size="small"><Statistic title="目标完成进度" value={s.target ? `${s.target.progressPercent.toFixed(1)}%` : '—'} /></Card></Col>
        </Row>
      )}
      <Tabs items={[
        { key: 'applications', label: '项目申报', children: <Applications /> },
        { key: 'programmes', label: '资金计划', children: <Programmes /> },
      ]} />
    </div>
  );
}
