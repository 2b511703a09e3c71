import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Counts down while nobody touches the screen; any pointer, key or touch restarts it. At zero it calls onIdle
 * (log out, back to the start) so the next person at a public kiosk never sees the previous one's data.
 */
export function useIdleLogout(active: boolean, seconds: number, onIdle: () => void) {
  const [left, setLeft] = useState(seconds);
  const deadline = useRef(Date.now() + seconds * 1000);
  const reset = useCallback(() => {
    deadline.current = Date.now() + seconds * 1000;
    setLeft(seconds);
  }, [seconds]);
  useEffect(() => {
    if (!active) return;
    reset();
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    const timer = window.setInterval(() => {
      const s = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setLeft(s);
      if (s === 0) onIdle();
    }, 1000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, reset));
      window.clearInterval(timer);
    };
  }, [active, reset, onIdle]);
  return { left, reset };
}
