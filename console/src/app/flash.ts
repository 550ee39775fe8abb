import type { NoticeMessage } from '../components/notice';

/**
 * A notice for the page an action leads to ("Booking created"), shown once it opens. Keyed by
 * the page it is for, so a notice never turns up on another page; the page clears it on arrival.
 */
let pending: { key: string; notice: NoticeMessage } | null = null;

export const flash = {
  set(key: string, notice: NoticeMessage): void {
    pending = { key, notice };
  },
  peek(key: string): NoticeMessage | null {
    return pending?.key === key ? pending.notice : null;
  },
  clear(key: string): void {
    if (pending?.key === key) pending = null;
  },
};
