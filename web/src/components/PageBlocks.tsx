// Building blocks every page uses: loading data, showing a refusal in Chinese, putting field errors on a form.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Result, Space, Typography, message, type FormInstance } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, download, serverDetail } from '../api';
import dayjs from 'dayjs';
import { FIELDS } from '../labels';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes (and on reload); keeps the last answer while a new one loads. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    latest.current().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => { live = false; };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** A refusal or failure as a person reads it: never a raw object, never a blank page. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  if (error instanceof ApiError && error.unavailable) {
    return (
      <Result
        status="warning"
        title="该功能的服务暂不可用"
        subTitle="相关服务未启动或尚未开通，请稍后再试或联系系统管理员。"
        data-testid="service-unavailable"
        extra={onRetry && <Button onClick={onRetry}>重试</Button>}
      />
    );
  }
  const text = error instanceof Error ? error.message : '操作未成功，请稍后再试';
  const detail = serverDetail(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="api-error"
      message={text}
      description={detail && detail !== text ? <Typography.Text type="secondary">服务器说明：{detail}</Typography.Text> : undefined}
      action={onRetry && <Button size="small" onClick={onRetry}>重试</Button>}
    />
  );
}

/** Puts the API's field errors next to the form's fields; reports the rest (and the headline) as a message. */
export function showFormError(form: FormInstance | undefined, error: unknown, fieldNames: string[] = []) {
  if (!(error instanceof ApiError)) {
    message.error('操作未成功，请稍后再试');
    return;
  }
  const fieldErrors = error.fieldErrors;
  const known = Object.entries(fieldErrors).filter(([k]) => fieldNames.includes(k));
  if (form && known.length) form.setFields(known.map(([name, errors]) => ({ name, errors })));
  const unknown = Object.entries(fieldErrors).filter(([k]) => !fieldNames.includes(k));
  if (known.length && !unknown.length) {
    message.error('提交的内容有误，请按字段旁的提示修改');
  } else {
    const extra = unknown.map(([k, v]) => `${FIELDS[k] ?? k}：${v.join('；')}`).join('；');
    const detail = serverDetail(error);
    message.error(known.length || unknown.length ? `提交的内容有误：${extra}` : detail && error.status !== 400 ? `${error.message}（${detail}）` : error.message, 6);
  }
}

export function DownloadButton({ path, name, children }: { path: string; name: string; children?: ReactNode }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download(path, name);
        } catch (e) {
          message.error(e instanceof Error ? e.message : '下载未成功');
        } finally {
          setBusy(false);
        }
      }}
    >
      {children ?? '导出 Excel'}
    </Button>
  );
}

export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      {extra}
    </Space>
  );
}

/** Runs an action, shows success or the Chinese refusal, and returns whether it worked. */
export async function act(run: () => Promise<unknown>, success: string, form?: FormInstance, fields?: string[]): Promise<boolean> {
  try {
    await run();
    message.success(success);
    return true;
  } catch (e) {
    showFormError(form, e, fields);
    return false;
  }
}

export const today = () => dayjs().format('YYYY-MM-DD');
export const thisMonth = () => dayjs().format('YYYY-MM');
export const thisYear = () => dayjs().year();
