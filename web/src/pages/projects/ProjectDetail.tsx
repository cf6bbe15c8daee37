// 项目详情: the project's record, its lifecycle, monthly progress with 序时进度, problems, approvals, inclusion and funding.
import { Button, Card, Descriptions, Space, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { request } from '../../api';
import { currentSession } from '../../session';
import { CATEGORY, KEY_LEVEL, NATURE, STAGE, START_KIND, label, options, regionName, wan } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';
import { nextStages, type Project } from './types';
import { warningTag } from './ProjectList';
import { ProgressTab } from './ProgressTab';
import { ProblemsTab } from './ProblemsTab';
import { ChecklistTab, InclusionFundingTab } from './RelatedTabs';

const EDITORS = ['project-office', 'township', 'city-hq', 'admin'];
const yes = (b: boolean) => (b ? '是' : '否');

export default function ProjectDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const session = currentSession()!;
  const loaded = useLoad(() => request<Project>(`/api/projects/${id}`, { notFoundIsRecord: true }), id ?? '');
  if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  const p = loaded.data?.data;
  if (!p) return <Card loading />;
  const canEdit = EDITORS.includes(session.role);
  const stages = nextStages(p);

  return (
    <div data-testid="project-detail">
      <PageTitle title={p.name} extra={canEdit && (
        <Space>
          {stages.length > 0 && (
            <ActionModal
              title="变更项目阶段" button="变更阶段" size="middle" success="阶段已变更" onDone={loaded.reload}
              fields={[
                { name: 'stage', label: '新阶段', kind: 'select', required: true, options: options(STAGE).filter((o) => stages.includes(o.value)) },
                { name: 'date', label: '日期（进入在建即实际开工日期）', kind: 'date' },
              ]}
              run={(v) => request(`/api/projects/${p.id}/stage`, { method: 'POST', body: v, ifMatch: loaded.data?.etag, notFoundIsRecord: true })}
            />
          )}
          <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/${p.id}/edit`)}>编辑</Button>
        </Space>
      )} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label="地区">{regionName(p.regionCode)}{p.township ? ` · ${p.township}` : ''}</Descriptions.Item>
          <Descriptions.Item label="阶段"><Tag color="red">{label(STAGE, p.stage)}</Tag>{p.stageChangedOn && `（${p.stageChangedOn}）`}</Descriptions.Item>
          <Descriptions.Item label="序时进度">{warningTag(p)} 落后 {p.gapPoints > 0 ? p.gapPoints.toFixed(1) : 0} 个百分点</Descriptions.Item>
          <Descriptions.Item label="类别 / 性质">{label(CATEGORY, p.category)} / {label(NATURE, p.nature)}</Descriptions.Item>
          <Descriptions.Item label="行业">{p.industry}</Descriptions.Item>
          <Descriptions.Item label="重点级别">{label(KEY_LEVEL, p.keyLevel)}</Descriptions.Item>
          <Descriptions.Item label="总投资（万元）">{wan(p.totalInvestment)}</Descriptions.Item>
          <Descriptions.Item label={`${p.year} 年计划（万元）`}>{wan(p.annualPlannedInvestment)}</Descriptions.Item>
          <Descriptions.Item label="本年完成（万元）">{wan(p.yearToDateInvestment)}（序时应完成 {wan(p.expectedToDate)}）</Descriptions.Item>
          <Descriptions.Item label="计划开工 / 竣工">{p.plannedStartDate ?? '—'} / {p.plannedFinishDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="实际开工 / 竣工">{p.actualStartDate ?? '—'} / {p.actualFinishDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="新开工 / 续建">{label(START_KIND, p.startKind) || '—'}</Descriptions.Item>
          <Descriptions.Item label="包联领导">{p.leaderInCharge}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{p.responsibleUnit}</Descriptions.Item>
          <Descriptions.Item label="联系人">{[p.contactPerson, p.contactPhone].filter(Boolean).join(' ')}</Descriptions.Item>
          <Descriptions.Item label="项目代码">{p.nationalCode}</Descriptions.Item>
          <Descriptions.Item label="统计编码">{p.statisticsCode}</Descriptions.Item>
          <Descriptions.Item label="县级编号">{p.localNumber}</Descriptions.Item>
          <Descriptions.Item label="民间 / 工业 / 高新 / 转型">
            {[p.isPrivateInvestment, p.isIndustrial, p.isHighTech, p.isTransformation].map(yes).join(' / ')}
          </Descriptions.Item>
          <Descriptions.Item label="手续完备">{p.readyToStart ? <Tag color="green">是</Tag> : <Tag>否</Tag>}</Descriptions.Item>
          <Descriptions.Item label="已入统">{p.isIncludedInStatistics ? <Tag color="green">是</Tag> : <Tag>否</Tag>}</Descriptions.Item>
          {p.description && <Descriptions.Item label="建设内容" span={3}>{p.description}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'progress', label: '月度调度', children: <ProgressTab project={p} canReport={canEdit} onChanged={loaded.reload} /> },
            { key: 'problems', label: '问题台账', children: <ProblemsTab project={p} canRaise={canEdit} /> },
            { key: 'approvals', label: '前期手续', children: <ChecklistTab projectId={p.id} /> },
            { key: 'inclusion', label: '入统与资金', children: <InclusionFundingTab project={p} /> },
          ]}
        />
      </Card>
    </div>
  );
}
