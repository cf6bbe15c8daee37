// 统计数导入: the bureau's own sheet (项目代码/统计编码, 期间, 完成投资), every row checked before anything is written.
import { useState } from 'react';
import { Alert, Button, Checkbox, Space, Table, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError, request } from '../../api';
import { ErrorView } from '../../components/PageBlocks';

interface RowError { row: number; column: string; problem: string }
interface Report { fileName?: string; rowsRead?: number; imported?: number; unchanged?: number; rejected?: number; errors?: RowError[]; rowErrors?: RowError[] }

export function FiguresImport() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: Report; rejected: boolean }>();
  const [error, setError] = useState<unknown>();

  async function upload() {
    const file = files[0]?.originFileObj;
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setBusy(true); setError(undefined); setResult(undefined);
    try {
      const { data } = await request<Report>(`/api/statistics/figures/imports${goodRowsOnly ? '?goodRowsOnly=true' : ''}`, { method: 'POST', body: form });
      setResult({ report: data, rejected: false });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.problem.rowErrors)) setResult({ report: e.problem as Report, rejected: true });
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const rows = result ? result.report.rowErrors ?? result.report.errors ?? [] : [];
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Upload accept=".xlsx,.csv" maxCount={1} fileList={files} beforeUpload={() => false} onChange={(i) => setFiles(i.fileList.slice(-1))}>
          <Button icon={<UploadOutlined />}>选择统计数表格</Button>
        </Upload>
        <Checkbox checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)}>只导入无误的行</Checkbox>
        <Button type="primary" disabled={!files.length} loading={busy} onClick={upload}>导入</Button>
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="表格列：项目代码（或统计编码、项目ID）、期间（如 2025-03）、完成投资（万元）。标题行可在表头上方。" />
      {error ? <ErrorView error={error} /> : null}
      {result && (
        <>
          <Alert style={{ marginBottom: 12 }} showIcon type={result.rejected ? 'error' : 'success'}
            message={result.rejected ? `有错误行，未导入任何数据（读取 ${result.report.rowsRead ?? '?'} 行）` : `已导入 ${result.report.imported ?? 0} 行，未变化 ${result.report.unchanged ?? 0} 行，拒绝 ${result.report.rejected ?? 0} 行`} />
          <Table<RowError> size="small" rowKey={(r, i) => `${r.row}-${i}`} dataSource={rows} pagination={{ pageSize: 50 }}
            columns={[{ title: '行号', dataIndex: 'row', width: 80 }, { title: '列', dataIndex: 'column', width: 160 }, { title: '问题', dataIndex: 'problem' }]} />
        </>
      )}
    </div>
  );
}
