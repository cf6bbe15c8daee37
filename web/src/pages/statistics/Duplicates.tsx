// 疑似重复: pairs with the same project code or very similar names in one region, for a person to confirm or dismiss.
import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { get, post, query, type Paged } from '../../api';
import { regionName } from '../../labels';
import { ErrorView, act, useLoad } from '../../components/PageBlocks';

interface Side { id?: string; projectId?: string; name?: string }
interface Pair {
  id: string; regionCode?: string; score?: number; reason?: string; status?: string;
  first?: Side; second?: Side; projectAName?: string; projectBName?: string; leftName?: string; rightName?: string;
}

const nameOf = (p: Pair, which: 0 | 1) =>
  (which === 0 ? p.first?.name ?? p.projectAName ?? p.leftName : p.second?.name ?? p.projectBName ?? p.rightName) ?? '';

export function Duplicates() {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const qs = query(page);
  const list = useLoad(() => get<Paged<Pair>>(`/api/statistics/duplicates${qs}`), qs);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  const decide = (p: Pair, action: 'confirm' | 'dismiss', text: string) => (
    <Popconfirm title={`${text}？`} okText="确定" cancelText="取消" onConfirm={() => act(() => post(`/api/statistics/duplicates/${p.id}/${action}`), `已${text}`).then(list.reload)}>
      <Button size="small" danger={action === 'confirm'}>{text}</Button>
    </Popconfirm>
  );
  return (
    <Table<Pair> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items}
      pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      columns={[
        { title: '项目一', render: (_, p) => nameOf(p, 0) },
        { title: '项目二', render: (_, p) => nameOf(p, 1) },
        { title: '地区', dataIndex: 'regionCode', render: regionName },
        { title: '相似度', dataIndex: 'score', render: (v?: number) => (v == null ? '' : `${Math.round(v * 100)}%`) },
        { title: '依据', dataIndex: 'reason' },
        { title: '状态', dataIndex: 'status', render: (v?: string) => v && <Tag>{{ candidate: '待确认', confirmed: '确认重复', dismissed: '非重复' }[v] ?? v}</Tag> },
        { title: '操作', render: (_, p) => (!p.status || p.status === 'candidate') && <Space size={4}>{decide(p, 'confirm', '确认重复')}{decide(p, 'dismiss', '排除')}</Space> },
      ]} />
  );
}
