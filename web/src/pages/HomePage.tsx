// 首页: who and where the caller is, the month's figures of its projects, and the pages its role works in.
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { get } from '../api';
import { currentSession, isCity, whereLabel } from '../session';
import { ROLES, wan } from '../labels';
import { navFor } from '../nav';
import { ErrorView, thisMonth, useLoad } from '../components/PageBlocks';

interface RegionSummary {
  regionCode: string; regionName: string; projects: number; newStarts: number; keyProjects: number;
  plannedInvestment: number; expectedToDate: number; completedToDate: number; laggards: number;
  byStage: { stage: string; count: number }[];
}

const SUMMARY_ROLES = ['project-office', 'township', 'city-hq', 'admin'];

export function HomePage() {
  const session = currentSession()!;
  const navigate = useNavigate();
  const period = thisMonth();
  const wantsSummary = SUMMARY_ROLES.includes(session.role);
  const summary = useLoad(() => (wantsSummary ? get<{ regions: RegionSummary[] }>(`/api/projects/summary?period=${period}`) : Promise.resolve(undefined)), period);
  const regions = summary.data?.regions ?? [];
  const sum = (f: (r: RegionSummary) => number) => regions.reduce((a, r) => a + f(r), 0);
  const underConstruction = regions.reduce((a, r) => a + (r.byStage.find((s) => s.stage === 'underConstruction')?.count ?? 0), 0);

  return (
    <div data-testid="home">
      <Typography.Title level={3}>您好，{session.displayName}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {whereLabel(session)} · {ROLES[session.role] ?? session.role} · 当前调度月份 {period}
      </Typography.Paragraph>
      {wantsSummary && (
        summary.error ? <ErrorView error={summary.error} onRetry={summary.reload} /> : (
          <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
            {[
              ['项目总数', sum((r) => r.projects), '个'],
              ['在建项目', underConstruction, '个'],
              ['本年新开工', sum((r) => r.newStarts), '个'],
              ['重点项目', sum((r) => r.keyProjects), '个'],
              ['年度计划投资', wan(sum((r) => r.plannedInvestment)), '万元'],
              ['序时应完成', wan(sum((r) => r.expectedToDate)), '万元'],
              ['调度已完成', wan(sum((r) => r.completedToDate)), '万元'],
              ['滞后序时项目', sum((r) => r.laggards), '个'],
            ].map(([title, value, suffix]) => (
              <Col xs={12} md={6} key={String(title)}>
                <Card loading={summary.loading} size="small"><Statistic title={title} value={value} suffix={suffix} /></Card>
              </Col>
            ))}
          </Row>
        )
      )}
      {wantsSummary && isCity(session) && regions.length > 1 && (
        <Card title="各县（市、区）本月调度" size="small" style={{ marginBottom: 24 }}>
          <Table size="small" rowKey="regionCode" pagination={false} dataSource={regions}
            columns={[
              { title: '地区', dataIndex: 'regionName' },
              { title: '项目数', dataIndex: 'projects', align: 'right' },
              { title: '新开工', dataIndex: 'newStarts', align: 'right' },
              { title: '年度计划（万元）', dataIndex: 'plannedInvestment', align: 'right', render: wan },
              { title: '已完成（万元）', dataIndex: 'completedToDate', align: 'right', render: wan },
              { title: '滞后序时', dataIndex: 'laggards', align: 'right' },
            ]} />
        </Card>
      )}
      <Typography.Title level={4}>常用功能</Typography.Title>
      <Row gutter={[16, 16]}>
        {navFor(session.role).map((item) => (
          <Col xs={24} sm={12} lg={8} key={item.path}>
            <Card hoverable onClick={() => navigate(item.path)} size="small">
              <Card.Meta title={item.label} description={item.hint} />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
