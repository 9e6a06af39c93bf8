// Keeps the header and footer when a page crashes, and says so instead of showing a blank screen.
import { Component, type ReactNode } from 'react';
import i18next from '../i18n/index.ts';

export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    // Navigating elsewhere clears the error.
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="status-page" role="alert">
        <h1>{i18next.t('error.title')}</h1>
        <p>{i18next.t('error.boundary')}</p>
        <p><a href="/">{i18next.t('notFound.home')}</a></p>
      </div>
    );
  }
}
