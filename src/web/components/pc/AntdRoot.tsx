import type { ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useA11y } from '../../a11y/a11y.tsx';
import { useLang } from '../../i18n/i18n.tsx';

/**
 * antd set up for Tongban: the government blue, the language, and the 适老化 settings turned into design tokens
 * (antd sizes are in px, so the <html> class alone would not enlarge them). Used by the portal, the kiosk and,
 * later, the workbench and admin console. `scale` enlarges further for touch screens (kiosk).
 */
const AA_TAG_TEXT = { green7: '#237804', orange7: '#ad4e00', gold7: '#874d00', volcano7: '#ad2102', cyan7: '#006d75', lime7: '#3f6600', yellow7: '#876800' };

export function useAntdTheme(scale = 1): ThemeConfig {
  const { settings } = useA11y();
  const base = (settings.largeText ? 19 : 15) * scale;
  return {
    token: {
      colorPrimary: settings.highContrast ? '#003a75' : '#0b5cad',
      colorLink: settings.highContrast ? '#003a75' : '#0b5cad',
      colorText: settings.highContrast ? '#000000' : '#1f2329',
      colorTextSecondary: settings.highContrast ? '#1a1a1a' : '#4e5969',
      colorTextDescription: settings.highContrast ? '#1a1a1a' : '#4e5969',
      colorTextPlaceholder: settings.highContrast ? '#333333' : '#6b7280',
      colorBorder: settings.highContrast ? '#4d4d4d' : '#c9d1dc',
      colorError: '#b42318',
      // WCAG AA (4.5:1) for text antd draws lighter by default: descriptions labels, and the coloured tags,
      // whose text is palette step 7 on step 1; the darker step keeps the hue (axe color-contrast).
      colorTextTertiary: settings.highContrast ? '#1a1a1a' : '#565e6b',
      ...AA_TAG_TEXT,
      fontSize: Math.round(base),
      fontSizeLG: Math.round(base * 1.15),
      controlHeight: Math.round((settings.largeText ? 42 : 34) * scale),
      controlHeightLG: Math.round((settings.largeText ? 50 : 42) * scale),
      borderRadius: 6,
      fontFamily: 'var(--tb-font)',
    },
    // The empty-table text is drawn in the disabled colour; it is information, so it gets readable contrast.
    components: { Table: { colorTextDisabled: '#5c6470' } },
  };
}

export function AntdRoot({ children, scale = 1 }: { children: ReactNode; scale?: number }) {
  const { lang } = useLang();
  const theme = useAntdTheme(scale);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} componentSize={scale > 1 ? 'large' : 'middle'}>
      {children}
    </ConfigProvider>
  );
}
