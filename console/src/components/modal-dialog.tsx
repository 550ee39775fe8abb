import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>, open while it is mounted: the browser keeps focus inside it and Escape asks
 * to dismiss it, which is refused while its action is `busy` (a request half-sent must finish).
 * `titleId` names the heading that labels it.
 */
export function ModalDialog(props: { titleId: string; wide?: boolean; busy: boolean; onDismiss: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={props.wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={props.titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onDismiss();
      }}
    >
      {props.children}
    </dialog>
  );
}
