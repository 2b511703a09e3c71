import type { ReactNode } from 'react';
import { LangProvider } from '../i18n/i18n.tsx';
import { A11yProvider } from '../a11y/a11y.tsx';
import { AnnouncerProvider } from '../a11y/Announcer.tsx';
import { ReadingGuide } from '../a11y/ReadingGuide.tsx';
import { SessionProvider } from '../session/session.tsx';

/** Everything every page group shares, independent of the UI kit a group renders with. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <LangProvider>
      <A11yProvider>
        <AnnouncerProvider>
          <SessionProvider>
            {children}
            <ReadingGuide />
          </SessionProvider>
        </AnnouncerProvider>
      </A11yProvider>
    </LangProvider>
  );
}
