import escapeHtml from 'escape-html';
import { DepositCheckoutStatus } from './deposit-checkout.entity';
import type { DepositPageView } from './deposits.service';

/**
 * The customer's deposit page at /deposit/<checkout id> when no card vendor is configured (and
 * its answers otherwise): the booking, the amount, and a "Pay deposit" button. Every value is
 * escaped; the page loads nothing from elsewhere and runs no script.
 */

const STYLE = `
  body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #111; max-width: 30rem; margin: 3rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } .muted { color: #555; } .paid { color: #064; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin: 1.25rem 0; } th, td { text-align: left; padding: .4rem 0; border-bottom: 1px solid #ddd; }
  th { font-weight: normal; color: #444; width: 45%; } .amount { font-size: 1.25rem; font-weight: 600; }
  button { font: inherit; font-weight: 600; background: #1a56db; color: #fff; border: 0; border-radius: .4rem; padding: .7rem 1.4rem; cursor: pointer; }
  button:focus-visible { outline: 3px solid #93b4f5; outline-offset: 2px; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

function guests(view: DepositPageView): string {
  const { adults, kids } = view.booking;
  return [`${adults} adult${adults === 1 ? '' : 's'}`, kids > 0 ? `${kids} kid${kids === 1 ? '' : 's'}` : null].filter(Boolean).join(' and ');
}

/** The deposit of one booking: paid, or the button that pays it here. */
export function depositPage(view: DepositPageView, params: { businessName: string; justPaid?: boolean }): string {
  const { checkout } = view;
  const paid = checkout.status === DepositCheckoutStatus.PAID;
  const details = `<table>
<tr><th>Booking</th><td>${escapeHtml(view.reference)}</td></tr>
<tr><th>Party</th><td>${escapeHtml(view.eventDay)} at ${escapeHtml(view.startTime)}, ${escapeHtml(guests(view))}</td></tr>
<tr><th>Deposit</th><td class="amount">${escapeHtml(view.amount)}</td></tr>
</table>`;
  const action = paid
    ? `<p class="paid" role="status">Deposit received${params.justPaid ? ' — thank you' : ''}. Your date is held.</p>`
    : view.payableHere
      ? `<form method="post" action="/deposit/${escapeHtml(checkout.id)}/pay"><button type="submit">Pay deposit</button></form>
<p class="muted">Test checkout: no card is charged. With Stripe configured, this link opens Stripe’s payment page instead.</p>`
      : `<p class="muted">Card payments are not set up yet. Please pay the deposit as ${escapeHtml(params.businessName)} tells you.</p>`;
  return page(`Deposit ${view.reference}`, `<h1>Deposit for your hibachi party</h1>
<p class="muted">${escapeHtml(params.businessName)}</p>
${details}
${action}`);
}
