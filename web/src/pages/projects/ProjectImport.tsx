// 导入: upload the county's project sheet (xlsx/csv) and read the row-by-row report (POST /api/projects/imports).
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, get, request } from '../../api';
import { DownloadButton, ErrorView, PageTitle } from '../../components/common';

/** Whatever the import answers, as rows a person reads: row, column, what is wrong or what happened. */
interface ReportRow { row?: number; column?: string; problem?: string; outcome?: string; status?: string; message?: string; name?: string }
type Report = Record<string, unknown>;

const OUTCOME: Record<string, string> = { created: '新增', updated: '更新', unchanged: '未变化', rejected: '拒绝', error: '错误' };
const COUNTS: [string, string][] = [
  ['rowsRead', '读取行数'], ['created', '新增'], ['updated', '更新'], ['unchanged', '未变化'], ['rejected', '拒绝'], ['imported', '已导入'],
];

function rowsOf(report: Report): ReportRow[] {
  for (const key of ['rows', 'rowErrors', 'errors', 'items']) {
    const v = report[key];
    if (Array.isArray(v)) return v as ReportRow[];
  }
  return [];
}

export default function ProjectImport() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ data: Report; rejected: boolean }>();
  const [error, setError] = useState<unknown>();

  async function upload() {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      let answer = await request<Report>(`/api/projects/imports${goodRowsOnly ? '?goodRowsOnly=true' : ''}`, { method: 'POST', body: form });
      // A long import answers 202 with a job to poll until it is done.
      for (let i = 0; answer.status === 202 && answer.data?.id && i < 600; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const job = await get<Report>(`/api/projects/imports/${answer.data.id}`);
        answer = { ...answer, data: job, status: ['queued', 'running'].includes(String(job.status)) ? 202 : 200 };
      }
      setReport({ data: answer.data ?? {}, rejected: false });
    } catch (e) {
      if (e instanceof ApiError && !e.unavailable && rowsOf(e.problem).length) setReport({ data: e.problem, rejected: true });
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const rows = report ? rowsOf(report.data) : [];
  return (
    <div>
      <PageTitle title="项目导入" extra={<DownloadButton path="/api/projects/imports/template" name="项目导入模板.xlsx">下载导入模板</DownloadButton>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Upload.Dragger accept=".xlsx,.csv" maxCount={1} fileList={files} beforeUpload={() => false} onChange={(i) => setFiles(i.fileList.slice(-1))}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>点击或拖拽项目表（.xlsx 或 .csv）到此处</p>
          <Typography.Text type="secondary">先逐行校验；有错误行时默认不导入任何数据。项目代码（或名称+地区）相同的行更新已有项目。</Typography.Text>
        </Upload.Dragger>
        <Space style={{ marginTop: 12 }}>
          <Checkbox checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)}>只导入无误的行</Checkbox>
          <Button type="primary" disabled={!files.length} loading={busy} onClick={upload}>上传并导入</Button>
        </Space>
      </Card>
      {error ? <ErrorView error={error} /> : null}
      {report && (
        <Card size="small" title="导入报告" data-testid="import-report">
          <Alert style={{ marginBottom: 12 }} showIcon type={report.rejected ? 'error' : 'success'}
            message={report.rejected ? '表格中有错误行，未导入任何数据。请修改后重新上传，或勾选“只导入无误的行”。' : '导入完成'} />
          <Descriptions size="small" column={6}>
            {COUNTS.filter(([k]) => typeof report.data[k] === 'number').map(([k, l]) => (
              <Descriptions.Item key={k} label={l}>{String(report.data[k])}</Descriptions.Item>
            ))}
          </Descriptions>
          <Table<ReportRow> size="small" rowKey={(r, i) => `${r.row}-${r.column}-${i}`} dataSource={rows} pagination={{ pageSize: 50 }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '结果', width: 80, render: (_, r) => { const o = r.outcome ?? r.status; return o ? <Tag>{OUTCOME[o] ?? o}</Tag> : <Tag color="red">错误</Tag>; } },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '说明', render: (_, r) => r.problem ?? r.message ?? r.name ?? '' },
            ]} />
        </Card>
      )}
    </div>
  );
}
