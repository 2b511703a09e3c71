/** 满意度等级（GB/T 39046 五级）: 1 is best, 5 is worst. */
export const LEVEL_LABELS: Record<number, string> = { 1: '非常满意', 2: '满意', 3: '基本满意', 4: '不满意', 5: '非常不满意' };

/** 评价渠道 codes and their names in the national 好差评 specification. */
export const CHANNEL_LABELS = {
  pc: 'PC端',
  mobile: '移动服务端',
  qr: '二维码',
  hall_tablet: '政务大厅平板电脑',
  hall_terminal: '政务大厅其他终端',
  phone: '电话',
  sms: '短信',
} as const;
export const CHANNELS = Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[];
