// A page that fails while drawing shows a Chinese message and a way back, never a blank screen.
import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result status="error" title="页面显示出错" subTitle="请刷新页面重试；如仍有问题，请联系系统管理员。"
        extra={<Button type="primary" onClick={() => location.reload()}>刷新页面</Button>} />
    );
  }
}
