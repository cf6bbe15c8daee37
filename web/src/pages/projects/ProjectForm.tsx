// 新建/编辑项目: POST /api/projects or PUT /api/projects/{id} with If-Match; the API's field errors show beside the fields.
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, message } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { request } from '../../api';
import { currentSession, isCity } from '../../session';
import { CATEGORY, KEY_LEVEL, NATURE, REGIONS, options } from '../../labels';
import { ErrorView, PageTitle, showFormError, thisYear } from '../../components/PageBlocks';
import type { Project } from './types';

const FIELD_NAMES = [
  'name', 'regionCode', 'township', 'category', 'nature', 'industry', 'description', 'totalInvestment', 'annualPlannedInvestment',
  'year', 'plannedStartDate', 'plannedFinishDate', 'isPrivateInvestment', 'isIndustrial', 'isHighTech', 'isTransformation', 'keyLevel',
  'leaderInCharge', 'responsibleUnit', 'contactPerson', 'contactPhone', 'nationalCode', 'statisticsCode', 'bondProjectId', 'localNumber',
];
const DATES = ['plannedStartDate', 'plannedFinishDate'];

export default function ProjectForm() {
  const { id } = useParams();
  const session = currentSession()!;
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [etag, setEtag] = useState<string>();
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(Boolean(id));
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!id) {
      form.setFieldsValue({ regionCode: session.region, township: session.township, year: thisYear(), keyLevel: '' });
      return;
    }
    request<Project>(`/api/projects/${id}`, { notFoundIsRecord: true }).then(
      ({ data, etag }) => {
        setEtag(etag);
        const values: Record<string, unknown> = { ...data, keyLevel: data.keyLevel };
        for (const d of DATES) values[d] = data[d as keyof Project] ? dayjs(String(data[d as keyof Project])) : undefined;
        form.setFieldsValue(values);
        setLoading(false);
      },
      (e) => { setLoadError(e); setLoading(false); },
    );
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  async function save(raw: Record<string, unknown>) {
    const body: Record<string, unknown> = {};
    for (const f of FIELD_NAMES) {
      const v = raw[f];
      if (v === undefined || v === null || v === '') continue;
      body[f] = DATES.includes(f) ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
    }
    setSaving(true);
    try {
      const answer = id
        ? await request<Project>(`/api/projects/${id}`, { method: 'PUT', body, ifMatch: etag, notFoundIsRecord: true })
        : await request<Project>('/api/projects', { method: 'POST', body, notFoundIsRecord: true });
      message.success(id ? '项目已保存' : '项目已登记入库');
      navigate(`/projects/${answer.data.id}`);
    } catch (e) {
      showFormError(form, e, FIELD_NAMES);
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <ErrorView error={loadError} />;
  const money = (name: string, label: string) => (
    <Form.Item name={name} label={`${label}（万元）`} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber style={{ width: '100%' }} precision={2} />
    </Form.Item>
  );

  return (
    <Spin spinning={loading}>
      <PageTitle title={id ? '编辑项目' : '新建项目'} />
      <Form form={form} layout="vertical" onFinish={save} data-testid="project-form" scrollToFirstError>
        <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}><Input maxLength={200} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="regionCode" label="地区"><Select disabled={!isCity(session) && session.role !== 'admin'} options={options(REGIONS)} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="township" label="乡镇（街道）"><Input disabled={Boolean(session.township)} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="category" label="项目类别" rules={[{ required: true, message: '请选择项目类别' }]}><Select options={options(CATEGORY)} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="nature" label="建设性质" rules={[{ required: true, message: '请选择建设性质' }]}><Select options={options(NATURE)} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="industry" label="所属行业"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="year" label="计划年度" rules={[{ required: true, message: '请填写计划年度' }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><Form.Item name="description" label="建设内容"><Input.TextArea rows={2} /></Form.Item></Col>
          </Row>
        </Card>
        <Card title="投资与工期" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>{money('totalInvestment', '总投资')}</Col>
            <Col xs={12} md={6}>{money('annualPlannedInvestment', '年度计划投资')}</Col>
            <Col xs={12} md={6}><Form.Item name="plannedStartDate" label="计划开工日期"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="plannedFinishDate" label="计划竣工日期"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="keyLevel" label="重点级别"><Select options={[{ value: '', label: '按规则（年度计划≥5000万为县级重点）' }, ...options(KEY_LEVEL)]} /></Form.Item></Col>
            <Col xs={24} md={18}>
              <Form.Item label="项目属性">
                <Space wrap>
                  {[['isPrivateInvestment', '民间投资'], ['isIndustrial', '工业项目'], ['isHighTech', '高新技术'], ['isTransformation', '转型项目']].map(([n, l]) => (
                    <Form.Item key={n} name={n} valuePropName="checked" noStyle><Checkbox>{l}</Checkbox></Form.Item>
                  ))}
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="责任与编码" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={6}><Form.Item name="leaderInCharge" label="包联领导"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="responsibleUnit" label="责任单位"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="contactPerson" label="联系人"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="contactPhone" label="联系电话"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="nationalCode" label="项目代码" tooltip="全国投资项目在线审批监管平台赋码，如 2502-140522-04-01-123456"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="statisticsCode" label="统计编码"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="bondProjectId" label="专项债项目编号"><Input /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item name="localNumber" label="县级编号"><Input /></Form.Item></Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-project">保存</Button>
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
    </Spin>
  );
}
