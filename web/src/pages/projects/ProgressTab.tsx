// 一月一调度 for one project: report or correct a month's 调度数 and see the year against 序时进度.
import { Button, DatePicker, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api';
import { wan } from '../../labels';
import { ErrorView, act, useLoad } from '../../components/PageBlocks';
import { ScheduleChart } from './ScheduleChart';
import type { Project, ProgressYear } from './types';

export function ProgressTab({ project, canReport, onChanged }: { project: Project; canReport: boolean; onChanged: () => void }) {
  const [form] = Form.useForm();
  const progress = useLoad(() => get<ProgressYear>(`/api/projects/${project.id}/progress`, true), `${project.id}-${project.version}`);

  async function report(v: { period: Dayjs; completedInvestment: number; note?: string }) {
    const ok = await act(
      () => post(`/api/projects/${project.id}/progress`, { period: v.period.format('YYYY-MM'), completedInvestment: v.completedInvestment, note: v.note }),
      `${v.period.format('YYYY年M月')}调度数已报送`, form, ['period', 'completedInvestment', 'note'],
    );
    if (ok) {
      form.resetFields(['completedInvestment', 'note']);
      onChanged();
    }
  }

  return (
    <div>
      {canReport && (
        <Form form={form} layout="inline" onFinish={report} initialValues={{ period: dayjs() }} style={{ marginBottom: 16, rowGap: 8 }} data-testid="progress-form">
          <Form.Item name="period" label="月份" rules={[{ required: true, message: '请选择月份' }]}><DatePicker picker="month" allowClear={false} /></Form.Item>
          <Form.Item name="completedInvestment" label="当月完成投资（万元）" rules={[{ required: true, message: '请填写完成投资' }]}>
            <InputNumber style={{ width: 140 }} precision={2} />
          </Form.Item>
          <Form.Item name="note" label="进展情况"><Input style={{ width: 260 }} placeholder="本月形象进度" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">报送</Button></Form.Item>
        </Form>
      )}
      {progress.error ? <ErrorView error={progress.error} onRetry={progress.reload} /> : progress.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ScheduleChart progress={progress.data} />
          <Table
            size="small" rowKey="period" pagination={false} dataSource={progress.data.months}
            columns={[
              { title: '月份', dataIndex: 'period' },
              { title: '完成投资（万元）', dataIndex: 'completedInvestment', align: 'right', render: wan },
              { title: '进展情况', dataIndex: 'note' },
              { title: '填报人', dataIndex: 'reportedBy' },
              { title: '填报时间', dataIndex: 'reportedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: '状态', dataIndex: 'locked', render: (v: boolean) => (v ? <Tag color="blue">已锁定</Tag> : <Tag>可修改</Tag>) },
            ]}
          />
        </Space>
      )}
    </div>
  );
}
