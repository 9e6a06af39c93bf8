// antd theme tokens: WCAG AA contrast by default, and the elder-friendly mode (适老化) on top.
import type { ThemeConfig } from 'antd';

const FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// antd's defaults (#1677ff primary, 45 % grey secondary text, #ff4d4f errors) fall below 4.5:1 on white.
const base: ThemeConfig['token'] = {
  fontFamily: FONT,
  colorPrimary: '#0050b3',
  colorLink: '#0050b3',
  colorInfo: '#0050b3',
  colorError: '#c41d1d',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorText: 'rgba(0, 0, 0, 0.88)',
  colorTextSecondary: '#4d4d4d',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
  // read-only forms (an item in review) must stay legible: axe checks disabled select tags too
  colorTextDisabled: '#595959',
  borderRadius: 6,
};

// Elder-friendly: 20 px body text, near-black text, darker borders and primary, 48 px controls.
const elder: ThemeConfig['token'] = {
  ...base,
  fontSize: 20,
  fontSizeSM: 18,
  fontSizeLG: 22,
  fontSizeXL: 24,
  fontSizeHeading1: 36,
  fontSizeHeading2: 30,
  fontSizeHeading3: 26,
  fontSizeHeading4: 24,
  fontSizeHeading5: 22,
  lineHeight: 1.7,
  controlHeight: 48,
  controlHeightSM: 40,
  controlHeightLG: 56,
  colorPrimary: '#003a8c',
  colorLink: '#003a8c',
  colorText: '#000000',
  colorTextSecondary: '#1f1f1f',
  colorTextTertiary: '#262626',
  colorTextDescription: '#262626',
  colorTextPlaceholder: '#4d4d4d',
  colorTextDisabled: '#404040',
  colorBorder: '#595959',
  colorBorderSecondary: '#8c8c8c',
};

export function themeFor(elderMode: boolean, reducedMotion = false): ThemeConfig {
  return {
    token: { ...(elderMode ? elder : base), motion: !reducedMotion },
    components: {
      Layout: { headerBg: '#002c6b', headerColor: '#ffffff', headerPadding: '0 16px', footerBg: '#f0f2f5' },
    },
  };
}
