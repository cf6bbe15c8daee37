// What the other bureaus keep about a project: its approvals checklist, its statistics inclusion and its funding.
import { Alert, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { ApiError, get, type Paged } from '../../api';
import { APPLICATION_STATUS, INCLUSION_STATUS, ITEM_STATUS, ITEM_WARNING, PROGRAMME_KIND, label, wan } from '../../labels';
import { ErrorView, useLoad } from '../../components/PageBlocks';
import type { Project } from './types';

export interface ChecklistItem {
  id: string; projectId: string; projectName: string; regionCode: string; code: string; name: string; agency: string;
  timeLimitWorkingDays: number; requiredBeforeStart: boolean; status: string; agent?: string; submittedOn?: string;
  acceptedOn?: string; dueDate?: string; decidedOn?: string; documentNumber?: string; rejectionReason?: string;
  missingDocuments: string[]; commitDueDate?: string; warning?: string; workingDaysLeft?: number; version: number;
}
interface Checklist { readyToStart: boolean; completedOn?: string; requiredItems: number; requiredThrough: number; items: ChecklistItem[] }

const missingRecord = (e: unknown) => e instanceof ApiError && e.status === 404 && !e.unavailable;

export const itemStatusTag = (i: ChecklistItem) => (
  <Space size={4}>
    <Tag color={i.status === 'approved' ? 'green' : i.status === 'rejected' ? 'red' : i.status === 'acceptedWithDeficiency' ? 'gold' : 'default'}>
      {label(ITEM_STATUS, i.status)}
    </Tag>
    {i.warning && <Tag color={i.warning === 'dueSoon' ? 'orange' : 'red'}>{label(ITEM_WARNING, i.warning)}</Tag>}
  </Space>
);

export function ChecklistTab({ projectId }: { projectId: string }) {
  const list = useLoad(() => get<Checklist>(`/api/approvals/projects/${projectId}/checklist`), projectId);
  if (missingRecord(list.error)) return <Empty description="该项目的前期手续清单尚未生成（登记后由审批服务自动生成）" />;
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  const c = list.data;
  return (
    <div data-testid="checklist">
      {c && (
        <Alert style={{ marginBottom: 12 }} type={c.readyToStart ? 'success' : 'info'} showIcon
          message={c.readyToStart ? `手续完备（${c.completedOn ?? ''}）` : `开工前必须办理 ${c.requiredItems} 项，已办结 ${c.requiredThrough} 项`} />
      )}
      <Table<ChecklistItem>
        size="small" rowKey="id" loading={list.loading} dataSource={c?.items} pagination={false}
        columns={[
          { title: '事项', dataIndex: 'name' },
          { title: '办理部门', dataIndex: 'agency' },
          { title: '开工前必办', dataIndex: 'requiredBeforeStart', render: (v) => (v ? '是' : '否') },
          { title: '状态', render: (_, i) => itemStatusTag(i) },
          { title: '时限（工作日）', dataIndex: 'timeLimitWorkingDays', align: 'right' },
          { title: '应办结日期', dataIndex: 'dueDate' },
          { title: '批复日期', dataIndex: 'decidedOn' },
          { title: '文号', dataIndex: 'documentNumber' },
        ]}
      />
    </div>
  );
}

interface Inclusion { id: string; status: string; submittedAt: string; statisticsCode?: string; decidedOn?: string; rejectionReason?: string }
interface Application {
  id: string; programmeKind: string; year: number; requestedAmount: number; approvedAmount?: number; allocatedAmount: number;
  disbursedAmount: number; status: string;
}

export function InclusionFundingTab({ project }: { project: Project }) {
  const inclusions = useLoad(() => get<Paged<Inclusion>>(`/api/statistics/inclusions?projectId=${project.id}`), project.id);
  const applications = useLoad(() => get<Paged<Application>>(`/api/funding/applications?projectId=${project.id}`), project.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="入库纳统">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="已入统">{project.isIncludedInStatistics ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="统计编码">{project.statisticsCode ?? '—'}</Descriptions.Item>
        </Descriptions>
        {inclusions.error ? <ErrorView error={inclusions.error} onRetry={inclusions.reload} /> : (
          <Table<Inclusion> size="small" rowKey="id" loading={inclusions.loading} dataSource={inclusions.data?.items} pagination={false}
            locale={{ emptyText: '尚无入统申请' }}
            columns={[
              { title: '申请时间', dataIndex: 'submittedAt', render: (v) => String(v).slice(0, 10) },
              { title: '状态', dataIndex: 'status', render: (v) => label(INCLUSION_STATUS, v) },
              { title: '统计编码', dataIndex: 'statisticsCode' },
              { title: '审核日期', dataIndex: 'decidedOn' },
              { title: '退回原因', dataIndex: 'rejectionReason' },
            ]} />
        )}
      </Card>
      <Card size="small" title="政策资金">
        {applications.error ? <ErrorView error={applications.error} onRetry={applications.reload} /> : (
          <Table<Application> size="small" rowKey="id" loading={applications.loading} dataSource={applications.data?.items} pagination={false}
            locale={{ emptyText: '尚无资金申报' }}
            columns={[
              { title: '资金类别', dataIndex: 'programmeKind', render: (v) => label(PROGRAMME_KIND, v) },
              { title: '年度', dataIndex: 'year' },
              { title: '申请（万元）', dataIndex: 'requestedAmount', align: 'right', render: wan },
              { title: '批准（万元）', dataIndex: 'approvedAmount', align: 'right', render: wan },
              { title: '下达（万元）', dataIndex: 'allocatedAmount', align: 'right', render: wan },
              { title: '拨付（万元）', dataIndex: 'disbursedAmount', align: 'right', render: wan },
              { title: '状态', dataIndex: 'status', render: (v) => label(APPLICATION_STATUS, v) },
            ]} />
        )}
      </Card>
    </Space>
  );
}
