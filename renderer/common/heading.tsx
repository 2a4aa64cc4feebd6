// Each screen's heading takes focus when the screen appears, so keyboard and screen-reader
// users start at the top of the new screen instead of on a control that no longer exists.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({
  children,
  focus = true,
}: {
  children: ReactNode;
  /** Off where a form field should take focus instead (unlock). */
  focus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
