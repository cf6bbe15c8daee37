// 审批事项工作清单: each agency acts on its own items (受理, 批复, 不予批准, 容缺受理); the applicant side submits.
import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { get, post, query, type Paged } from '../../api';
import { currentSession } from '../../session';
import { ITEM_STATUS, ITEM_WARNING, options, regionName } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, act, useLoad } from '../../components/PageBlocks';
import { itemStatusTag, type ChecklistItem } from '../projects/RelatedTabs';

const OPEN = ['notStarted', 'submitted', 'accepted', 'rejected'];

function Actions({ item, reload }: { item: ChecklistItem; reload: () => void }) {
  const s = currentSession()!;
  const decides = s.role === 'approvals' || s.role === 'admin';
  const applies = s.role === 'project-office' || s.role === 'township' || item.agent === s.userName;
  const path = `/api/approvals/items/${item.id}`;
  const step = (action: string, text: string) => (
    <Button size="small" onClick={() => act(() => post(`${path}/${action}`, {}), text).then(reload)}>{text.replace('已', '')}</Button>
  );
  return (
    <Space size={4} wrap>
      {applies && ['notStarted', 'rejected'].includes(item.status) && step('submit', '已申报')}
      {decides && item.status === 'submitted' && step('accept', '已受理')}
      {decides && OPEN.includes(item.status) && item.status !== 'rejected' && (
        <ActionModal title={`批复：${item.name}`} button="批复" type="primary" success="已批复" onDone={reload}
          fields={[{ name: 'documentNumber', label: '批复文号' }, { name: 'date', label: '批复日期', kind: 'date' }]}
          run={(v) => post(`${path}/approve`, v)} />
      )}
      {decides && ['submitted', 'accepted'].includes(item.status) && (
        <ActionModal title={`容缺受理：${item.name}`} button="容缺受理" success="已容缺受理" onDone={reload}
          fields={[
            { name: 'missingDocuments', label: '暂缺材料', kind: 'lines', required: true },
            { name: 'commitDueDate', label: '承诺补齐日期', kind: 'date', required: true },
          ]}
          run={(v) => post(`${path}/acceptWithDeficiency`, v)} />
      )}
      {decides && item.status === 'acceptedWithDeficiency' && step('supplement', '已补齐材料')}
      {decides && ['submitted', 'accepted'].includes(item.status) && (
        <ActionModal title={`不予批准：${item.name}`} button="不予批准" danger success="已退回" onDone={reload}
          fields={[{ name: 'reason', label: '原因', kind: 'textarea', required: true }]}
          run={(v) => post(`${path}/reject`, v)} />
      )}
      {(applies || (s.role === 'approvals' && !s.agency)) && item.status !== 'approved' && (
        <ActionModal title="指定帮办代办人" button="帮办" success="已指定帮办代办人" onDone={reload}
          fields={[{ name: 'agent', label: '帮办代办人用户名（留空则取消）', initial: item.agent }]}
          run={(v) => post(`${path}/agent`, { agent: v.agent ?? null })} />
      )}
    </Space>
  );
}

function ItemTable({ path, filters }: { path: string; filters: Record<string, unknown> }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = query({ ...filters, ...page });
  const list = useLoad(() => get<Paged<ChecklistItem>>(`${path}${q}`), path + q);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <Table<ChecklistItem>
      size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items} scroll={{ x: 1300 }}
      pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (t) => `共 ${t} 项` }}
      columns={[
        { title: '项目', dataIndex: 'projectName', width: 220, render: (v, i) => <Link to={`/projects/${i.projectId}`}>{v}</Link> },
        { title: '地区', dataIndex: 'regionCode', width: 70, render: regionName },
        { title: '事项', dataIndex: 'name', width: 160 },
        { title: '办理部门', dataIndex: 'agency', width: 110 },
        { title: '状态', width: 160, render: (_, i) => itemStatusTag(i) },
        { title: '应办结', dataIndex: 'dueDate', width: 100 },
        { title: '剩余工作日', dataIndex: 'workingDaysLeft', width: 90, align: 'right' },
        { title: '容缺材料', dataIndex: 'missingDocuments', width: 140, render: (v: string[]) => v?.join('、') },
        { title: '帮办', dataIndex: 'agent', width: 90 },
        { title: '操作', fixed: 'right', width: 260, render: (_, i) => <Actions item={i} reload={list.reload} /> },
      ]}
    />
  );
}

export default function ApprovalItems() {
  const s = currentSession()!;
  const [filters, setFilters] = useState<Record<string, unknown>>({ agency: s.agency });
  return (
    <div>
      <PageTitle title="前期手续审批" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" initialValues={filters} onFinish={setFilters} style={{ rowGap: 8 }}>
          <Form.Item name="q"><Input placeholder="项目或事项关键词" allowClear /></Form.Item>
          <Form.Item name="agency"><Input placeholder="办理部门" allowClear disabled={Boolean(s.agency)} /></Form.Item>
          <Form.Item name="status"><Select placeholder="状态" allowClear style={{ width: 120 }} options={options(ITEM_STATUS)} /></Form.Item>
          <Form.Item name="warning"><Select placeholder="预警" allowClear style={{ width: 130 }} options={options(ITEM_WARNING)} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">查询</Button></Form.Item>
        </Form>
      </Card>
      <Tabs items={[
        { key: 'items', label: '工作清单', children: <ItemTable path="/api/approvals/items" filters={filters} /> },
        { key: 'overdue', label: '超时限事项', children: <ItemTable path="/api/approvals/overdue" filters={{ agency: filters.agency }} /> },
        { key: 'prestart', label: '计划新开工项目前期手续', children: <PreStart /> },
      ]} />
    </div>
  );
}

interface PreStartProject { projectId: string; projectName: string; regionCode: string; plannedStartDate?: string; readyToStart: boolean; requiredItems: number; requiredThrough: number; pendingItems: ChecklistItem[] }

function PreStart() {
  const list = useLoad(() => get<Paged<PreStartProject>>('/api/approvals/pre-start?pageSize=100'), 'prestart');
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <Table<PreStartProject> size="small" rowKey="projectId" loading={list.loading} dataSource={list.data?.items}
      columns={[
        { title: '项目', dataIndex: 'projectName', render: (v, p) => <Link to={`/projects/${p.projectId}`}>{v}</Link> },
        { title: '地区', dataIndex: 'regionCode', render: regionName },
        { title: '计划开工', dataIndex: 'plannedStartDate' },
        { title: '必办 / 已办结', render: (_, p) => `${p.requiredItems} / ${p.requiredThrough}` },
        { title: '待办事项', dataIndex: 'pendingItems', render: (v: ChecklistItem[]) => v.map((i) => `${i.name}（${i.agency}）`).join('；') },
      ]} />
  );
}
