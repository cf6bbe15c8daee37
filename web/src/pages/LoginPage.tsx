// 登录: the demo accounts are role@region, e.g. project-office@140522.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { changeInitialPassword, signIn } from '../api';
import { saveToken } from '../session';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A password an administrator set must be replaced before anything else (the token allows nothing more).
  const [mustChange, setMustChange] = useState<{ username: string; password: string; token: string }>();

  async function finish(username: string, password: string) {
    const answer = await signIn(username, password);
    if (answer.password_change_required) {
      setMustChange({ username, password, token: answer.access_token });
      return;
    }
    if (!saveToken(answer.access_token, answer.refresh_token)) throw new Error('登录凭据无法识别，请联系系统管理员');
    const next = params.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : '/', { replace: true });
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : '登录未成功');
    } finally {
      setBusy(false);
    }
  }

  const submit = (values: { username: string; password: string }) => run(() => finish(values.username.trim(), values.password));

  const change = (values: { newPassword: string }) => run(async () => {
    await changeInitialPassword(mustChange!.token, mustChange!.password, values.newPassword);
    setMustChange(undefined);
    await finish(mustChange!.username, values.newPassword);
  });

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #8e0000 0%, #c62828 45%, #f5f5f5 45%)' }}>
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,.15)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>项目建设攻坚管理平台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>晋城市 · 各县（市、区）· 各部门</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        {mustChange ? (
          <Form layout="vertical" onFinish={change} requiredMark={false}>
            <Alert type="info" showIcon message="该账号的密码由管理员设置，请先设置您自己的新密码" style={{ marginBottom: 16 }} />
            <Form.Item name="newPassword" label="新密码" rules={[{ required: true, min: 12, message: '新密码至少 12 个字符' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>修改密码并登录</Button>
          </Form>
        ) : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="如 project-office@140522" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        )}
      </Card>
    </div>
  );
}
