// antd's theme and locale for the pages that use antd (sign-in and the admin area, both lazy chunks):
// the portal itself is plain React + CSS, so antd and its style runtime stay out of its first load.
import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdZh from 'antd/es/locale/zh_CN';
import antdEn from 'antd/es/locale/en_US';
import { themeFor } from './theme.ts';
import { usePreferences } from './preferences.tsx';
import { useMediaQuery } from '../lib/media-query.ts';

export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale, elderMode } = usePreferences();
  // people who asked their system for less motion get dialogs and menus without fades and zooms
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  return (
    <ConfigProvider locale={locale === 'en' ? antdEn : antdZh} theme={themeFor(elderMode, reducedMotion)} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}
