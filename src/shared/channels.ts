/** Channels an application can come in by (办件渠道); recorded on every case for the city's indicators. */
export const CHANNELS = ['pc', 'mobile', 'kiosk', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Kiosk terminal ids look like MH-KIOSK-001; anything else from a URL is refused rather than recorded. */
export const KIOSK_TERMINAL_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
