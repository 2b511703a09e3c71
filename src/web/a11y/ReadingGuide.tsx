import { useEffect, useRef } from 'react';
import { useA11y } from './a11y.tsx';

/**
 * The reading guide line (阅读辅助线): a horizontal band that follows the pointer so older readers keep their
 * place in dense guides. Purely visual (aria-hidden, no pointer events); moved with a transform, not re-rendered.
 */
export function ReadingGuide() {
  const { settings } = useA11y();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!settings.readingGuide) return;
    const move = (e: PointerEvent) => {
      if (ref.current) ref.current.style.transform = `translateY(${e.clientY}px)`;
    };
    window.addEventListener('pointermove', move, { passive: true });
    return () => window.removeEventListener('pointermove', move);
  }, [settings.readingGuide]);
  if (!settings.readingGuide) return null;
  return <div ref={ref} className="tb-reading-guide" aria-hidden="true" data-testid="reading-guide" />;
}
