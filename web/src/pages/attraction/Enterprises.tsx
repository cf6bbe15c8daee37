// 目标企业库: enterprises the centre courts, identified by 统一社会信用代码 (a duplicate code is refused).
import { useState } from 'react';
import { Card, Form, Input, Button, Table, Tag } from 'antd';
import { get, post, query, type Paged } from '../../api';
import { regionName } from '../../labels';
import { ActionModal } from '../../components/ActionModal';
import { ErrorView, PageTitle, useLoad } from '../../components/PageBlocks';

interface Enterprise { id: string; regionCode: string; name: string; creditCode: string; industry?: string; originRegion?: string; types: string[]; contacts: { name: string; phone?: string }[]; note?: string }

export default function Enterprises() {
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = query({ ...filters, ...page });
  const list = useLoad(() => get<Paged<Enterprise>>(`/api/attraction/enterprises${q}`), q);
  return (
    <div>
      <PageTitle title="目标企业库" extra={
        <ActionModal title="新增目标企业" button="新增企业" type="primary" size="middle" success="企业已入库" onDone={list.reload}
          fields={[
            { name: 'name', label: '企业名称', required: true },
            { name: 'creditCode', label: '统一社会信用代码（18位）', required: true },
            { name: 'industry', label: '所属行业' },
            { name: 'originRegion', label: '来源地区（如 京津冀、长三角）' },
            { name: 'types', label: '企业类型（龙头、专精特新、高新技术…，每行一项）', kind: 'lines' },
            { name: 'contact', label: '联系人' },
            { name: 'phone', label: '联系电话' },
            { name: 'note', label: '备注', kind: 'textarea' },
          ]}
          run={({ contact, phone, ...v }) => post('/api/attraction/enterprises', { ...v, contacts: contact ? [{ name: contact, phone }] : [] })} />
      } />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={(v) => { setFilters(v); setPage((p) => ({ ...p, page: 1 })); }}>
          <Form.Item name="q"><Input placeholder="企业名称或信用代码" allowClear /></Form.Item>
          <Form.Item name="industry"><Input placeholder="行业" allowClear /></Form.Item>
          <Form.Item name="originRegion"><Input placeholder="来源地区" allowClear /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">查询</Button></Form.Item>
        </Form>
      </Card>
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Enterprise> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items}
          pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
          columns={[
            { title: '企业名称', dataIndex: 'name' },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            { title: '地区', dataIndex: 'regionCode', render: regionName },
            { title: '行业', dataIndex: 'industry' },
            { title: '来源地区', dataIndex: 'originRegion' },
            { title: '类型', dataIndex: 'types', render: (v: string[]) => v?.map((t) => <Tag key={t}>{t}</Tag>) },
            { title: '联系人', dataIndex: 'contacts', render: (v: Enterprise['contacts']) => v?.map((c) => `${c.name} ${c.phone ?? ''}`).join('；') },
          ]} />
      )}
    </div>
  );
}
