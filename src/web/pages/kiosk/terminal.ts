import { KIOSK_TERMINAL_PATTERN } from '../../../shared/channels.ts';

const KEY = 'tb.kiosk.terminal';

/**
 * The kiosk terminal id (自助终端编号) comes from the start URL (?terminal=MH-KIOSK-001) and is kept for the
 * browser session, so every submission from this screen is recorded with channel "kiosk" and this id.
 */
export function kioskTerminalId(search = location.search): string | null {
  const fromUrl = new URLSearchParams(search).get('terminal')?.trim().toUpperCase();
  try {
    if (fromUrl && KIOSK_TERMINAL_PATTERN.test(fromUrl)) {
      sessionStorage.setItem(KEY, fromUrl);
      return fromUrl;
    }
    return sessionStorage.getItem(KEY);
  } catch {
    return fromUrl && KIOSK_TERMINAL_PATTERN.test(fromUrl) ? fromUrl : null;
  }
}
