// Short toast messages ("已退出登录", "已保存") in a polite live region, in plain React: the portal's first
// load carries no antd. The same API serves the lazily loaded admin pages.
// The region also carries antd's `ant-message` class name, which the browser tests look toasts up by.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface MessageApi {
  success: (text: string) => void;
  error: (text: string) => void;
  info: (text: string) => void;
}

interface Toast { id: number; kind: 'success' | 'error' | 'info'; text: string }

const FeedbackContext = createContext<MessageApi | null>(null);
const MAX = 3;
let nextId = 0;

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const api = useMemo<MessageApi>(() => {
    const show = (kind: Toast['kind']) => (text: string) => {
      const id = ++nextId;
      setToasts((list) => [...list, { id, kind, text }].slice(-MAX));
      setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), kind === 'error' ? 6000 : 3000);
    };
    return { success: show('success'), error: show('error'), info: show('info') };
  }, []);
  return (
    <FeedbackContext.Provider value={api}>
      {children}
      <div className="toasts ant-message" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.kind}`}>
            <span className="toast-icon" aria-hidden="true">{x.kind === 'success' ? '✓' : x.kind === 'error' ? '!' : 'i'}</span>
            <span>{x.text}</span>
          </div>
        ))}
      </div>
    </FeedbackContext.Provider>
  );
}

/** `message.success(…)`, `message.error(…)` for the current page. */
export function useMessage(): MessageApi {
  const api = useContext(FeedbackContext);
  if (!api) throw new Error('useMessage outside FeedbackProvider');
  return api;
}
