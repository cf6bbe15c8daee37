// 项目库: every filter of GET /api/projects, sorted and paged, and the same list as xlsx.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { get, query, type Paged } from '../../api';
import { currentSession, isCity } from '../../session';
import { CATEGORY, KEY_LEVEL, REGIONS, STAGE, START_KIND, WARNING, label, options, regionName, wan } from '../../labels';
import { DownloadButton, ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';
import type { Project } from './types';

const yesNo = [{ value: 'true', label: '是' }, { value: 'false', label: '否' }];
const SORTS = [
  { value: '', label: '登记时间' }, { value: 'name', label: '项目名称' }, { value: '-totalInvestment', label: '总投资（高→低）' },
  { value: '-annualPlannedInvestment', label: '年度计划（高→低）' }, { value: '-yearToDateInvestment', label: '本年完成（高→低）' },
  { value: '-updatedAt', label: '最近更新' },
];

export const warningTag = (p: Pick<Project, 'warningLevel' | 'scheduleStatus' | 'gapPoints'>) =>
  p.warningLevel === 'red' ? <Tag color="red">红色预警</Tag>
    : p.warningLevel === 'yellow' ? <Tag color="gold">黄色预警</Tag>
    : p.scheduleStatus === 'behind' ? <Tag color="orange">滞后</Tag>
    : p.scheduleStatus === 'ahead' ? <Tag color="green">超序时</Tag> : <Tag color="blue">符合序时</Tag>;

export default function ProjectList() {
  const session = currentSession()!;
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = query({ ...filters, ...page });
  const list = useLoad(() => get<Paged<Project>>(`/api/projects${q}`), q);
  const canCreate = ['project-office', 'township', 'city-hq', 'admin'].includes(session.role);

  return (
    <div>
      <PageTitle title="项目库" extra={
        <Space>
          <DownloadButton path={`/api/projects${query({ ...filters, format: 'xlsx' })}`} name="项目库.xlsx" />
          {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>新建项目</Button>}
        </Space>
      } />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={(v) => { setFilters(v); setPage((p) => ({ ...p, page: 1 })); }} style={{ rowGap: 8 }}>
          <Form.Item name="q"><Input placeholder="项目名称关键词" allowClear style={{ width: 180 }} /></Form.Item>
          {isCity(session) && <Form.Item name="regionCode"><Select placeholder="地区" allowClear style={{ width: 110 }} options={options(REGIONS)} /></Form.Item>}
          {!session.township && <Form.Item name="township"><Input placeholder="乡镇" allowClear style={{ width: 110 }} /></Form.Item>}
          <Form.Item name="stage"><Select placeholder="阶段" allowClear style={{ width: 100 }} options={options(STAGE)} /></Form.Item>
          <Form.Item name="category"><Select placeholder="类别" allowClear style={{ width: 110 }} options={options(CATEGORY)} /></Form.Item>
          <Form.Item name="keyLevel"><Select placeholder="重点级别" allowClear style={{ width: 110 }} options={options(KEY_LEVEL)} /></Form.Item>
          <Form.Item name="startKind"><Select placeholder="新开工/续建" allowClear style={{ width: 120 }} options={options(START_KIND)} /></Form.Item>
          <Form.Item name="year"><InputNumber placeholder="年度" style={{ width: 90 }} /></Form.Item>
          <Form.Item name="leader"><Input placeholder="包联领导" allowClear style={{ width: 110 }} /></Form.Item>
          <Form.Item name="isPrivateInvestment"><Select placeholder="民间投资" allowClear style={{ width: 100 }} options={yesNo} /></Form.Item>
          <Form.Item name="isIndustrial"><Select placeholder="工业项目" allowClear style={{ width: 100 }} options={yesNo} /></Form.Item>
          <Form.Item name="behindSchedule"><Select placeholder="滞后序时" allowClear style={{ width: 100 }} options={yesNo} /></Form.Item>
          <Form.Item name="warningLevel"><Select placeholder="预警" allowClear style={{ width: 110 }} options={options(WARNING)} /></Form.Item>
          <Form.Item name="sort"><Select placeholder="排序" allowClear style={{ width: 150 }} options={SORTS} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
      </Card>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Project>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items}
          scroll={{ x: 1100 }}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: list.data?.total, showSizeChanger: true,
            showTotal: (t) => `共 ${t} 个项目`, onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: '项目名称', dataIndex: 'name', fixed: 'left', width: 260, render: (v, p) => <Link to={`/projects/${p.id}`}>{v}</Link> },
            { title: '地区', dataIndex: 'regionCode', width: 80, render: (v, p) => `${regionName(v)}${p.township ? ' ' + p.township : ''}` },
            { title: '类别', dataIndex: 'category', width: 90, render: (v) => label(CATEGORY, v) },
            { title: '阶段', dataIndex: 'stage', width: 80, render: (v) => <Tag>{label(STAGE, v)}</Tag> },
            { title: '重点', dataIndex: 'keyLevel', width: 90, render: (v) => (v === 'none' ? '' : label(KEY_LEVEL, v)) },
            { title: '总投资（万元）', dataIndex: 'totalInvestment', align: 'right', width: 120, render: wan },
            { title: '年度计划（万元）', dataIndex: 'annualPlannedInvestment', align: 'right', width: 120, render: wan },
            { title: '本年完成（万元）', dataIndex: 'yearToDateInvestment', align: 'right', width: 120, render: wan },
            { title: '序时进度', width: 100, render: (_, p) => warningTag(p) },
            { title: '包联领导', dataIndex: 'leaderInCharge', width: 90 },
          ]}
        />
      )}
    </div>
  );
}
