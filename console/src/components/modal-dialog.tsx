import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';

/**
 * A modal dialog, open while it is mounted (Radix Dialog: focus kept inside and given back on
 * close, the page behind hidden from screen readers and not scrollable). Escape asks to dismiss
 * it, which is refused while its action is `busy` (a request half-sent must finish); a click
 * beside it does nothing, so a half-filled form is not lost. `titleId` names the heading that
 * labels it.
 */
export function ModalDialog(props: { titleId: string; wide?: boolean; busy: boolean; onDismiss: () => void; children: ReactNode }) {
  // Opened by a button of the page (not a Dialog.Trigger): focus goes back to it on close.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open && !props.busy) props.onDismiss();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className={props.wide ? 'dialog dialog--wide' : 'dialog'}
          aria-labelledby={props.titleId}
          aria-describedby={undefined}
          onPointerDownOutside={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
        >
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
