import { Tag } from 'antd';
import { useT, useLang } from '../../i18n/i18n.tsx';
import { staffMessages } from '../../i18n/staff.ts';
import { formatDateTime } from '../../app/format.ts';

/**
 * The deadline light (红黄绿灯). Colour is never the only signal: the tag also says in words whether the item is
 * overdue or due soon (WCAG 1.4.1), and the colours are dark enough for white text.
 */
const COLOURS: Record<string, string> = { red: '#b42318', yellow: '#ad6800', green: '#237804' };

export function DeadlineTag({ colour, at }: { colour: string | null | undefined; at?: string | null }) {
  const t = useT(staffMessages);
  const { lang } = useLang();
  const c = colour && COLOURS[colour] ? colour : 'none';
  const word = t(`colour_${c}` as 'colour_red');
  if (c === 'none') return <span>{at ? formatDateTime(at, lang) : '—'}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={COLOURS[c]} style={{ marginRight: 6 }}>{word}</Tag>
      {at ? formatDateTime(at, lang) : ''}
    </span>
  );
}
