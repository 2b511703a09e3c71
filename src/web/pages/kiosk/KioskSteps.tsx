import { Steps } from 'antd';
import { useOutletContext } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { kioskMessages } from '../../i18n/kiosk.ts';

/** The on-screen guidance every kiosk page shows: where the person is in 查找 → 认证 → 填写 → 完成. */
export function KioskSteps({ current }: { current: number }) {
  const t = useT(kioskMessages);
  return (
    <nav aria-label={t('guideSteps')} className="tbk-steps">
      <Steps current={current} size="default" items={[{ title: t('s1') }, { title: t('s2') }, { title: t('s3') }, { title: t('s4') }]} />
    </nav>
  );
}

export function useKioskTerminal(): string | null {
  return useOutletContext<{ terminal: string | null }>()?.terminal ?? null;
}
