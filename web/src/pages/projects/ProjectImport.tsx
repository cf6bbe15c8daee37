// 导入: upload the county's project sheet or a month's progress sheet (xlsx/csv), follow a long import, read the row-by-row report
// (POST /api/projects/imports?kind=projects|progress).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Progress, Segmented, Space, Table, Tabs, Tag, Typography, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, get, request, type Paged } from '../../api';
import { DownloadButton, ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';

interface RowError { row: number; column: string; problem: string }
interface RowOutcome { row: number; outcome: string; projectId?: string; name?: string; errors?: RowError[] }
interface ImportJob {
  id: string; kind: string; fileName: string; status: string; phase?: string; goodRowsOnly: boolean; rowsRead: number;
  created: number; updated: number; unchanged: number; rejected: number; skipped: number; failure?: string; createdBy: string; createdAt: string;
  errors: RowError[]; errorsTruncated: boolean; rows?: Paged<RowOutcome>;
}
interface ImportSummary { id: string; kind: string; fileName: string; status: string; createdBy: string; createdAt: string; rowsRead: number; created: number; updated: number; unchanged: number; rejected: number }

const OUTCOME: Record<string, [string, string]> = {
  created: ['新增', 'green'], updated: ['更新', 'blue'], unchanged: ['未变化', 'default'], rejected: ['拒绝', 'red'], skipped: ['未填写', 'default'],
};
const STATUS: Record<string, [string, string]> = {
  queued: ['排队中', 'default'], running: ['导入中', 'processing'], completed: ['已完成', 'success'], rejected: ['未导入', 'error'], failed: ['失败', 'error'],
};
const PHASE: Record<string, [string, number]> = { reading: ['读取文件', 15], validating: ['逐行校验', 45], writing: ['写入', 80] };
/** Larger files are imported as a job the page follows, so a slow import never hits a request timeout. */
const ASYNC_BYTES = 512 * 1024;

type Kind = 'projects' | 'progress';
const KIND: Record<Kind, { label: string; hint: string; unit: string }> = {
  projects: {
    label: '项目库', unit: '个',
    hint: '先逐行校验；有错误行时默认不导入任何数据。填写项目代码的行按代码、未填写的按“项目名称 + 所属地区”更新已有项目；重复导入同一张表不会产生重复项目。',
  },
  progress: {
    label: '月度调度', unit: '行',
    hint: '每行一个项目的一个月的完成投资（万元）。先下载某月的调度表（已列出本单位的项目），填好后上传；数字不同即为更正，重复导入不做改动，已锁定的月份不能导入。',
  },
};

const tag = (map: Record<string, [string, string]>, key: string) => <Tag color={map[key]?.[1]}>{map[key]?.[0] ?? key}</Tag>;

export default function ProjectImport() {
  const [kind, setKind] = useState<Kind>('projects');
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>();
  const history = useLoad(() => get<Paged<ImportSummary>>('/api/projects/imports?pageSize=10'), String(job?.id ?? '') + String(job?.status ?? ''));

  async function follow(id: string) {
    for (;;) {
      const current = await get<ImportJob>(`/api/projects/imports/${id}?pageSize=200`);
      setJob(current);
      if (!['queued', 'running'].includes(current.status)) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async function upload() {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const answer = await request<ImportJob>(`/api/projects/imports?kind=${kind}${goodRowsOnly ? '&goodRowsOnly=true' : ''}`, {
        method: 'POST', body: form, headers: file.size > ASYNC_BYTES ? { Prefer: 'respond-async' } : {},
      });
      if (answer.status === 202) await follow(answer.data.id);
      else setJob(answer.data);
    } catch (e) {
      // A rejected sheet is a 422 naming the stored job: show its report like any other.
      const jobId = e instanceof ApiError ? (e.problem as { jobId?: string }).jobId : undefined;
      if (jobId) await follow(jobId).catch(setError);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <PageTitle title="表格导入" extra={kind === 'projects'
        ? <DownloadButton path="/api/projects/imports/template" name="项目库导入模板.xlsx">下载导入模板</DownloadButton>
        : (
          <Space>
            <DatePicker picker="month" allowClear={false} value={dayjs(month + '-01')} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
            <DownloadButton path={`/api/projects/imports/template?kind=progress&period=${month}`} name={`月度调度-${month}.xlsx`}>下载该月调度表</DownloadButton>
          </Space>
        )} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Segmented<Kind> style={{ marginBottom: 12 }} value={kind} onChange={(v) => { setKind(v); setJob(undefined); }}
          options={(Object.keys(KIND) as Kind[]).map((k) => ({ value: k, label: KIND[k].label }))} />
        <Upload.Dragger accept=".xlsx,.csv" maxCount={1} fileList={files} beforeUpload={() => false} onChange={(i) => setFiles(i.fileList.slice(-1))}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>点击或拖拽{KIND[kind].label}表（.xlsx 或 .csv）到此处</p>
          <Typography.Text type="secondary">{KIND[kind].hint}</Typography.Text>
        </Upload.Dragger>
        <Space style={{ marginTop: 12 }}>
          <Checkbox checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)}>只导入无误的行</Checkbox>
          <Button type="primary" disabled={!files.length} loading={busy} onClick={upload}>上传并导入</Button>
        </Space>
      </Card>
      {error ? <ErrorView error={error} /> : null}
      {job && <JobReport job={job} onPage={(page) => get<ImportJob>(`/api/projects/imports/${job.id}?pageSize=200&page=${page}`).then(setJob)} />}
      <Card size="small" title="最近导入" style={{ marginTop: 16 }}>
        {history.error ? <ErrorView error={history.error} onRetry={history.reload} /> : (
          <Table<ImportSummary> size="small" rowKey="id" loading={history.loading} dataSource={history.data?.items ?? []} pagination={false}
            onRow={(r) => ({ onClick: () => follow(r.id).catch(setError), style: { cursor: 'pointer' } })}
            columns={[
              { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString('zh-CN') },
              { title: '类型', dataIndex: 'kind', width: 90, render: (v: Kind) => KIND[v]?.label ?? v },
              { title: '文件', dataIndex: 'fileName' },
              { title: '导入人', dataIndex: 'createdBy', width: 190 },
              { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => tag(STATUS, v) },
              { title: '读取 / 新增 / 更新 / 未变 / 拒绝', width: 230, render: (_, r) => `${r.rowsRead} / ${r.created} / ${r.updated} / ${r.unchanged} / ${r.rejected}` },
            ]} />
        )}
      </Card>
    </div>
  );
}

function JobReport({ job, onPage }: { job: ImportJob; onPage: (page: number) => void }) {
  const running = ['queued', 'running'].includes(job.status);
  const unit = KIND[job.kind as Kind]?.unit ?? '个';
  const alert = {
    completed: {
      type: 'success' as const,
      text: `导入完成：新增 ${job.created} ${unit}，更新 ${job.updated} ${unit}，未变化 ${job.unchanged} ${unit}${job.skipped ? `，${job.skipped} 行未填写金额` : ''}${job.rejected ? `，${job.rejected} 行有错误未导入` : ''}。`,
    },
    rejected: { type: 'error' as const, text: `表格中有 ${job.rejected} 行错误，未导入任何数据。请按下表修改后重新上传，或勾选“只导入无误的行”。` },
    failed: { type: 'error' as const, text: `导入失败：${job.failure ?? '无法读取该文件'}` },
  }[job.status];
  return (
    <Card size="small" title={<>导入报告：{job.fileName} {tag(STATUS, job.status)}</>} data-testid="import-report">
      {running && (
        <Progress percent={PHASE[job.phase ?? '']?.[1] ?? 5} status="active"
          format={() => `${PHASE[job.phase ?? '']?.[0] ?? '排队中'}${job.rowsRead ? `（${job.rowsRead} 行）` : ''}`} />
      )}
      {alert && <Alert style={{ marginBottom: 12 }} showIcon type={alert.type} message={alert.text} />}
      <Descriptions size="small" column={5}>
        <Descriptions.Item label="读取行数">{job.rowsRead}</Descriptions.Item>
        <Descriptions.Item label="新增">{job.created}</Descriptions.Item>
        <Descriptions.Item label="更新">{job.updated}</Descriptions.Item>
        <Descriptions.Item label="未变化">{job.unchanged}</Descriptions.Item>
        <Descriptions.Item label="拒绝">{job.rejected}</Descriptions.Item>
      </Descriptions>
      <Tabs items={[
        {
          key: 'errors', label: `错误明细（${job.errors.length}${job.errorsTruncated ? '+' : ''}）`,
          children: (
            <Table<RowError> size="small" rowKey={(r, i) => `${r.row}-${r.column}-${i}`} dataSource={job.errors} pagination={{ pageSize: 50 }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 160 },
                { title: '问题', dataIndex: 'problem' },
              ]} />
          ),
        },
        {
          key: 'rows', label: '逐行结果',
          children: (
            <Table<RowOutcome> size="small" rowKey="row" dataSource={job.rows?.items ?? []}
              pagination={{ current: job.rows?.page, pageSize: job.rows?.pageSize, total: job.rows?.total, showSizeChanger: false, onChange: onPage }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '结果', dataIndex: 'outcome', width: 90, render: (v: string) => tag(OUTCOME, v) },
                { title: '项目', render: (_, r) => (r.projectId && r.outcome !== 'rejected' ? <Link to={`/projects/${r.projectId}`}>{r.name}</Link> : r.name) },
                { title: '问题', render: (_, r) => (r.errors ?? []).map((e) => `${e.column}：${e.problem}`).join('；') },
              ]} />
          ),
        },
      ]} />
    </Card>
  );
}
