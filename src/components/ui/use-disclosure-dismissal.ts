import { type KeyboardEvent, useEffect, useRef } from 'react';

/**
 * How an open disclosure (a button and the panel it shows) closes, as people expect of a menu: a
 * press anywhere outside it, or Escape inside it, which also puts the focus back on its button.
 * Spread `onKeyDown` and `rootRef` on the element holding both, `buttonRef` on the button.
 */
export function useDisclosureDismissal(open: boolean, close: () => void) {
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close();
      buttonRef.current?.focus();
    }
  };
  return { rootRef, buttonRef, onKeyDown };
}
