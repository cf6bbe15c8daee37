// A project's problems (问题台账): raise one here; assign, escalate and close from the ledger.
import { Button, Space, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { get, post, type Paged } from '../../api';
import { PROBLEM_CATEGORY, PROBLEM_LEVEL, options } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, useLoad } from '../../components/PageBlocks';
import { problemColumns } from './ProblemLedger';
import type { Project, ProjectProblem } from './types';

export function ProblemsTab({ project, canRaise }: { project: Project; canRaise: boolean }) {
  const navigate = useNavigate();
  const problems = useLoad(() => get<Paged<ProjectProblem>>(`/api/projects/${project.id}/problems?pageSize=100`, true), project.id);
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        {canRaise && (
          <ActionModal
            title="发现问题" button="登记问题" type="primary" size="middle" success="问题已登记" onDone={problems.reload}
            fields={[
              { name: 'title', label: '问题', required: true },
              { name: 'description', label: '具体情况', kind: 'textarea' },
              { name: 'category', label: '类别', kind: 'select', required: true, options: options(PROBLEM_CATEGORY) },
              { name: 'level', label: '事权层级', kind: 'select', options: options(PROBLEM_LEVEL), initial: 'county' },
            ]}
            run={(v) => post(`/api/projects/${project.id}/problems`, v)}
          />
        )}
        <Button onClick={() => navigate(`/problems?projectId=${project.id}`)}>在问题台账中处理</Button>
      </Space>
      {problems.error ? <ErrorView error={problems.error} onRetry={problems.reload} />
        : <Table size="small" rowKey="id" loading={problems.loading} dataSource={problems.data?.items} pagination={false} columns={problemColumns} />}
    </div>
  );
}
