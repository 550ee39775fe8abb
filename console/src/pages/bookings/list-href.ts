/**
 * The bookings list as the person last left it (with its filters), for the booking page's way
 * back; the list's own URL is the owner, this only remembers it for the tab.
 */
let listHref = '#/bookings';

export function rememberListHref(href: string): void {
  listHref = href;
}

export function bookingsListHref(): string {
  return listHref;
}
