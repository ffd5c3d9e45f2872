/** A thin bar that shows how far the reader has scrolled through the view. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { scroller } from '../scroll';

/** 0..1: how much of a scrollable box has been scrolled past; an unscrollable box counts as read. */
export function scrollProgress(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const range = scrollHeight - clientHeight;
  if (range <= 1) return 1;
  return Math.min(1, Math.max(0, scrollTop / range));
}

export function ProgressBar() {
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const el = scroller();
      setProgress(scrollProgress(el.scrollTop, el.scrollHeight, el.clientHeight));
    };
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, []);
  const percent = Math.round(progress * 100);
  return (
    <div class="lectern-progress" role="progressbar" aria-label={t('readingProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div class="lectern-progress__bar" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}
