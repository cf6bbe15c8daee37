// The frame around every page: the role's menu on the left, who and where on top, 退出 to sign out.
import { Layout, Menu, Space, Tag, Typography, Button } from 'antd';
import { LogoutOutlined, HomeOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { currentSession, signOut, whereLabel } from '../session';
import { ROLES } from '../labels';
import { navFor } from '../nav';
import { ErrorBoundary } from './ErrorBoundary';

export function AppLayout() {
  const session = currentSession()!;
  const navigate = useNavigate();
  const location = useLocation();
  const items = navFor(session.role);
  const groups = [...new Set(items.map((i) => i.group))];
  const selected = items.map((i) => i.path).filter((p) => location.pathname === p || location.pathname.startsWith(p + '/'))
    .sort((a, b) => b.length - a.length)[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="dark" breakpoint="lg" collapsedWidth={0}>
        <div style={{ color: '#fff', padding: '18px 16px', fontWeight: 600, fontSize: 16, lineHeight: 1.4 }}>
          项目建设攻坚<br /><span style={{ fontSize: 12, opacity: 0.7 }}>晋城市管理平台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          onClick={(e) => navigate(e.key)}
          items={[
            { key: '/', icon: <HomeOutlined />, label: '首页' },
            ...groups.map((g) => ({
              type: 'group' as const,
              key: g,
              label: g,
              children: items.filter((i) => i.group === g).map((i) => ({ key: i.path, label: i.label })),
            })),
          ]}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', borderBottom: '1px solid #eee' }}>
          <Space size="middle">
            <Tag color="red">{whereLabel(session)}</Tag>
            <Typography.Text>{ROLES[session.role] ?? session.role}</Typography.Text>
            <Typography.Text type="secondary" data-testid="user-name">{session.displayName}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => { signOut(); navigate('/login'); }}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary resetKey={location.pathname}><Outlet /></ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
