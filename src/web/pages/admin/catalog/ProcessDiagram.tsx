import type { ProcessNode } from '../../../api/staff.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

const W = 150;
const H = 74;
const GAP = 44;
const TOP = 40;
const FILL: Record<string, string> = { task: '#e6f0fa', countersign: '#fff4e5', anysign: '#fff4e5', parallel: '#f0f5ff', auto: '#f5f5f5', end: '#eef7ea' };

/** Who handles a node, in words: a role pool of the item's agency or the center, or a named person. */
function handlerText(n: ProcessNode, t: ReturnType<typeof useT<keyof (typeof adminMessages)['zh-CN']>>): string {
  const h = n.handler ?? n.assignees?.[0];
  if (n.branches) return `${Array.isArray(n.branches.agencies) ? n.branches.agencies.join('、') : '协办部门'} · ${n.branches.role}`;
  if (!h) return '';
  const where = h.agency === 'center' ? t('h_center') : !h.agency || h.agency === 'item' ? t('h_item') : h.agency;
  return `${where} · ${h.role ?? h.user ?? ''}${n.assignees ? ` ×${n.assignees.length}` : ''}`;
}

/**
 * The process definition drawn as SVG from its JSON: nodes left to right in definition order, an arrow to each
 * node's successor (a `next` that jumps is drawn as an arc above). The SVG is an image with a title; the same
 * content follows as an ordered list for screen readers and for copying.
 */
export function ProcessDiagram({ name, nodes }: { name: string; nodes: ProcessNode[] }) {
  const t = useT(adminMessages);
  const x = (i: number) => 12 + i * (W + GAP);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = nodes.flatMap((n, i) => {
    if (n.kind === 'end') return [];
    const to = n.next ? index.get(n.next) : i + 1;
    return to === undefined || to >= nodes.length ? [] : [{ from: i, to }];
  });
  const width = x(nodes.length) + 12;
  return (
    <figure style={{ margin: 0 }}>
      <div className="tb-diagram">
        <svg width={width} height={TOP + H + 40} role="img" aria-labelledby="pd-title" style={{ display: 'block' }}>
          <title id="pd-title">{t('diagramOf', { name })}</title>
          <defs><marker id="pd-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4e5969" /></marker></defs>
          {edges.map((e) => e.to === e.from + 1 ? (
            <line key={`${e.from}-${e.to}`} x1={x(e.from) + W} y1={TOP + H / 2} x2={x(e.to) - 2} y2={TOP + H / 2} stroke="#4e5969" strokeWidth={1.5} markerEnd="url(#pd-arrow)" />
          ) : (
            <path key={`${e.from}-${e.to}`} d={`M${x(e.from) + W / 2},${TOP} C${x(e.from) + W / 2},${4} ${x(e.to) + W / 2},${4} ${x(e.to) + W / 2},${TOP - 2}`} fill="none" stroke="#d46b08" strokeWidth={1.5} markerEnd="url(#pd-arrow)" />
          ))}
          {nodes.map((n, i) => (
            <g key={n.id} transform={`translate(${x(i)},${TOP})`}>
              <rect width={W} height={H} rx={n.kind === 'end' ? H / 2 : 8} fill={FILL[n.kind] ?? '#fff'} stroke="#0b5cad" strokeWidth={n.kind === 'countersign' || n.kind === 'anysign' ? 2.5 : 1.2} strokeDasharray={n.kind === 'auto' ? '4 3' : undefined} />
              <text x={W / 2} y={22} textAnchor="middle" fontSize={14} fontWeight={600} fill="#1f2329">{n.name}</text>
              <text x={W / 2} y={42} textAnchor="middle" fontSize={11} fill="#4e5969">{t(`nk_${n.kind}` as 'nk_task')}{n.stage ? ` · ${t(`st_${n.stage}` as 'st_accept')}` : ''}</text>
              <text x={W / 2} y={60} textAnchor="middle" fontSize={11} fill="#4e5969">{handlerText(n, t).slice(0, 22)}</text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <ol style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {nodes.map((n) => <li key={n.id}>{n.name}（{t(`nk_${n.kind}` as 'nk_task')}{n.stage ? ` · ${t(`st_${n.stage}` as 'st_accept')}` : ''}{handlerText(n, t) ? ` · ${t('handler')}：${handlerText(n, t)}` : ''}{n.next ? ` → ${n.next}` : ''}）</li>)}
        </ol>
      </figcaption>
    </figure>
  );
}
