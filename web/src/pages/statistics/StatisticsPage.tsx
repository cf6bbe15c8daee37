// 统计局: 已开工未入统, inclusion applications (approve / reject), likely duplicates, official figures import.
import { useState } from 'react';
import { Alert, Input, Select, Space, Table, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { get, post, query, type Paged } from '../../api';
import { currentSession } from '../../session';
import { INCLUSION_STATUS, label, options, regionName, wan } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';
import { Duplicates } from './Duplicates';
import { FiguresImport } from './FiguresImport';

interface Pending { projectId: string; name: string; regionCode: string; township?: string; totalInvestment: number; actualStartDate?: string; daysSinceStart?: number; openApplicationId?: string }
interface Inclusion { id: string; projectId: string; projectName: string; regionCode: string; status: string; mainConstructionContent: string; applicant: string; submittedAt: string; statisticsCode?: string; rejectionReason?: string }

function PendingList() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const qs = query({ q, ...page });
  const list = useLoad(() => get<Paged<Pending>>(`/api/statistics/pending${qs}`), qs);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Input.Search placeholder="项目名称" allowClear onSearch={setQ} style={{ width: 240, marginBottom: 12 }} />
      <Table<Pending> size="small" rowKey="projectId" loading={list.loading} dataSource={list.data?.items}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }), showTotal: (t) => `已开工未入统 ${t} 个` }}
        columns={[
          { title: '项目', dataIndex: 'name', render: (v, p) => <Link to={`/projects/${p.projectId}`}>{v}</Link> },
          { title: '地区', dataIndex: 'regionCode', render: (v, p) => `${regionName(v)} ${p.township ?? ''}` },
          { title: '总投资（万元）', dataIndex: 'totalInvestment', align: 'right', render: wan },
          { title: '开工日期', dataIndex: 'actualStartDate' },
          { title: '开工天数', dataIndex: 'daysSinceStart', align: 'right' },
          {
            title: '入统申请', render: (_, p) => (p.openApplicationId ? '已申请，待审核' : (
              <ActionModal title={`申请入统：${p.name}`} button="申请入统" success="入统申请已提交" onDone={list.reload}
                fields={[
                  { name: 'mainConstructionContent', label: '主要建设内容', kind: 'textarea', required: true },
                  { name: 'constructionContract', label: '施工合同（编号或名称）', required: true },
                  { name: 'sitePhotos', label: '现场照片（每行一个文件编号或链接）', kind: 'lines', required: true },
                  { name: 'approvalDocument', label: '立项文件（审批/核准/备案文号）' },
                  { name: 'note', label: '备注' },
                ]}
                run={(v) => post('/api/statistics/inclusions', { ...v, projectId: p.projectId })} />
            )),
          },
        ]} />
    </>
  );
}

function Inclusions() {
  const decides = ['statistics', 'admin'].includes(currentSession()!.role);
  const [status, setStatus] = useState<string | undefined>('submitted');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const qs = query({ status, ...page });
  const list = useLoad(() => get<Paged<Inclusion>>(`/api/statistics/inclusions${qs}`), qs);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Select placeholder="状态" allowClear value={status} onChange={setStatus} options={options(INCLUSION_STATUS)} style={{ width: 140, marginBottom: 12 }} />
      <Table<Inclusion> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '项目', dataIndex: 'projectName', render: (v, i) => <Link to={`/projects/${i.projectId}`}>{v}</Link> },
          { title: '地区', dataIndex: 'regionCode', render: regionName },
          { title: '主要建设内容', dataIndex: 'mainConstructionContent', ellipsis: true },
          { title: '申请人', dataIndex: 'applicant' },
          { title: '申请时间', dataIndex: 'submittedAt', render: (v) => String(v).slice(0, 10) },
          { title: '状态', dataIndex: 'status', render: (v) => label(INCLUSION_STATUS, v) },
          { title: '统计编码 / 退回原因', render: (_, i) => i.statisticsCode ?? i.rejectionReason },
          {
            title: '审核', render: (_, i) => decides && i.status === 'submitted' && (
              <Space size={4}>
                <ActionModal title="批准入统" button="批准" type="primary" success="已批准入统" onDone={list.reload}
                  fields={[{ name: 'statisticsCode', label: '统计编码', required: true }]}
                  run={(v) => post(`/api/statistics/inclusions/${i.id}/approve`, v)} />
                <ActionModal title="退回申请" button="退回" danger success="已退回" onDone={list.reload}
                  fields={[{ name: 'reason', label: '退回原因', kind: 'textarea', required: true }]}
                  run={(v) => post(`/api/statistics/inclusions/${i.id}/reject`, v)} />
              </Space>
            ),
          },
        ]} />
    </>
  );
}

export default function StatisticsPage() {
  return (
    <div>
      <PageTitle title="入库纳统" />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="应统尽统、不重不漏：计划总投资 500 万元及以上的已开工项目应及时入库纳统。" />
      <Tabs items={[
        { key: 'pending', label: '已开工未入统', children: <PendingList /> },
        { key: 'inclusions', label: '入统申请审核', children: <Inclusions /> },
        { key: 'duplicates', label: '疑似重复项目', children: <Duplicates /> },
        { key: 'figures', label: '统计数导入', children: <FiguresImport /> },
      ]} />
    </div>
  );
}
