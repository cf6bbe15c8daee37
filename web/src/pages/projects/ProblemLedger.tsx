// 问题台账: 发现 → 交办 → 帮办/督办 → 销号, filtered by status, level, category, department, overdue.
import { useState } from 'react';
import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { ColumnsType } from 'antd/es/table';
import { get, post, query, type Paged } from '../../api';
import { currentSession } from '../../session';
import { PROBLEM_CATEGORY, PROBLEM_LEVEL, PROBLEM_STATUS, label, options, regionName } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, act, useLoad } from '../../components/PageBlocks';
import type { ProjectProblem } from './types';

export const problemColumns: ColumnsType<ProjectProblem> = [
  { title: '问题', dataIndex: 'title', width: 220 },
  { title: '地区', dataIndex: 'regionCode', width: 80, render: (v) => regionName(v) },
  { title: '类别', dataIndex: 'category', width: 80, render: (v) => label(PROBLEM_CATEGORY, v) },
  { title: '层级', dataIndex: 'level', width: 60, render: (v) => label(PROBLEM_LEVEL, v) },
  {
    title: '状态', dataIndex: 'status', width: 120,
    render: (v, p) => <Space size={4}><Tag color={v === 'closed' ? 'green' : 'orange'}>{label(PROBLEM_STATUS, v)}</Tag>{p.overdue && <Tag color="red">逾期</Tag>}</Space>,
  },
  { title: '责任部门', dataIndex: 'department', width: 110 },
  { title: '责任人', dataIndex: 'assignee', width: 80 },
  { title: '办结时限', dataIndex: 'dueDate', width: 100 },
  { title: '销号说明', dataIndex: 'resolution', width: 160 },
];

export default function ProblemLedger() {
  const session = currentSession()!;
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Record<string, unknown>>({ projectId: params.get('projectId') ?? undefined });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = query({ ...filters, ...page, sort: '-raisedAt' });
  const list = useLoad(() => get<Paged<ProjectProblem>>(`/api/problems${q}`), q);
  const handles = ['project-office', 'admin'].includes(session.role) && !session.township;

  const actions: ColumnsType<ProjectProblem>[number] = {
    title: '操作', fixed: 'right', width: 200,
    render: (_, p) => p.status === 'closed' || !handles ? null : (
      <Space size={4} wrap>
        <ActionModal title="交办问题" button="交办" success="已交办" onDone={list.reload}
          fields={[
            { name: 'department', label: '责任部门', required: true, initial: p.department },
            { name: 'assignee', label: '责任人', required: true, initial: p.assignee },
            { name: 'dueDate', label: '办结时限', kind: 'date', required: true },
          ]}
          run={(v) => post(`/api/problems/${p.id}/assign`, v)} />
        <Popconfirm title="提级督办（县级→市级→省级）？" okText="督办" cancelText="取消"
          onConfirm={() => act(() => post(`/api/problems/${p.id}/escalate`), '已提级督办').then(list.reload)}>
          <Button size="small">督办</Button>
        </Popconfirm>
        <ActionModal title="问题销号" button="销号" success="已销号" onDone={list.reload}
          fields={[{ name: 'resolution', label: '解决情况', kind: 'textarea', required: true }]}
          run={(v) => post(`/api/problems/${p.id}/close`, v)} />
      </Space>
    ),
  };

  return (
    <div>
      <PageTitle title="问题台账" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" initialValues={filters} onFinish={(v) => { setFilters({ ...v, projectId: filters.projectId }); setPage((x) => ({ ...x, page: 1 })); }} style={{ rowGap: 8 }}>
          <Form.Item name="q"><Input placeholder="问题关键词" allowClear /></Form.Item>
          <Form.Item name="status"><Select placeholder="状态" allowClear style={{ width: 110 }} options={options(PROBLEM_STATUS)} /></Form.Item>
          <Form.Item name="level"><Select placeholder="层级" allowClear style={{ width: 90 }} options={options(PROBLEM_LEVEL)} /></Form.Item>
          <Form.Item name="category"><Select placeholder="类别" allowClear style={{ width: 110 }} options={options(PROBLEM_CATEGORY)} /></Form.Item>
          <Form.Item name="department"><Input placeholder="责任部门" allowClear /></Form.Item>
          <Form.Item name="overdue"><Select placeholder="是否逾期" allowClear style={{ width: 110 }} options={[{ value: 'true', label: '逾期' }, { value: 'false', label: '未逾期' }]} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">查询</Button></Form.Item>
          {Boolean(filters.projectId) && <Button onClick={() => setFilters({})}>显示全部项目</Button>}
        </Form>
      </Card>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<ProjectProblem>
          size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items} scroll={{ x: 1200 }}
          columns={[
            { title: '项目', dataIndex: 'projectId', width: 70, render: (v) => <Link to={`/projects/${v}`}>查看</Link> },
            ...problemColumns, actions,
          ]}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (t) => `共 ${t} 条` }}
        />
      )}
    </div>
  );
}
