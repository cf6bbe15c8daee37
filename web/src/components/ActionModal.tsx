// A small form in a dialog for one action (交办, 驳回, 到位资金 …): the API's field errors land next to the fields.
import { useState, type ReactNode } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { act } from './PageBlocks';

export interface ActionField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'lines';
  required?: boolean;
  options?: { value: string; label: string }[];
  initial?: unknown;
}

interface Props {
  title: string;
  button: ReactNode;
  fields: ActionField[];
  success: string;
  /** Receives the values, dates as yyyy-MM-dd and 'lines' split into a list. */
  run: (values: Record<string, unknown>) => Promise<unknown>;
  onDone?: () => void;
  danger?: boolean;
  size?: 'small' | 'middle';
  type?: 'primary' | 'default' | 'link';
}

export function ActionModal({ title, button, fields, success, run, onDone, danger, size = 'small', type = 'default' }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  async function submit() {
    const raw = await form.validateFields();
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      const v = raw[f.name];
      if (v === undefined || v === null || v === '') continue;
      values[f.name] = f.kind === 'date' ? (v as Dayjs).format('YYYY-MM-DD')
        : f.kind === 'lines' ? String(v).split(/\n|；|;/).map((x) => x.trim()).filter(Boolean) : v;
    }
    setBusy(true);
    const ok = await act(() => run(values), success, form, fields.map((f) => f.name));
    setBusy(false);
    if (ok) {
      setOpen(false);
      form.resetFields();
      onDone?.();
    }
  }

  return (
    <>
      <Button size={size} danger={danger} type={type} onClick={() => setOpen(true)}>{button}</Button>
      <Modal title={title} open={open} onOk={submit} onCancel={() => setOpen(false)} confirmLoading={busy} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={Object.fromEntries(fields.map((f) => [f.name, f.initial]))}>
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
              {f.kind === 'textarea' || f.kind === 'lines' ? <Input.TextArea rows={3} placeholder={f.kind === 'lines' ? '每行一项' : undefined} />
                : f.kind === 'number' ? <InputNumber style={{ width: '100%' }} />
                : f.kind === 'date' ? <DatePicker style={{ width: '100%' }} />
                : f.kind === 'select' ? <Select options={f.options} allowClear />
                : <Input />}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
