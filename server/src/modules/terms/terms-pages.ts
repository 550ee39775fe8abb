import escapeHtml from 'escape-html';
import type { TermsVersion } from './terms-version.entity';
import type { TermsEvidenceView } from './terms.service';

/**
 * The plain HTML pages of the terms: the public text a customer reads from the link in the
 * terms request, and the printable evidence of a booking for a lawyer. Every value is escaped;
 * the pages load nothing (no script, image or font), so they print the same everywhere.
 */

const STYLE = `
  body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; }
  .muted { color: #555; } .terms { white-space: pre-wrap; } .ok { color: #064; } .bad { color: #a00; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #ddd; }
  th { width: 14rem; font-weight: normal; color: #444; } code, pre { font: 12px/1.4 Menlo, Consolas, monospace; word-break: break-all; white-space: pre-wrap; }
  .thread td { font-size: 14px; } @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

const text = (value: string | number | boolean | null | undefined) => (value === null || value === undefined || value === '' ? '<span class="muted">none</span>' : escapeHtml(String(value)));
const code = (value: string | null | undefined) => (value ? `<code>${escapeHtml(value)}</code>` : '<span class="muted">none</span>');
const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`;
const verdict = (ok: boolean | null, yes: string, no: string) => (ok === null ? '<span class="muted">not yet (newest record)</span>' : ok ? `<span class="ok">${escapeHtml(yes)}</span>` : `<span class="bad">${escapeHtml(no)}</span>`);

/** The public page of one version of the terms. */
export function termsPage(params: { version: TermsVersion; current: TermsVersion | null; businessName: string; formatTime(at: Date): string }): string {
  const { version, current } = params;
  const newer =
    current && current.id !== version.id
      ? `<p class="bad">This is an earlier version. The current terms are <a href="/terms">version ${escapeHtml(current.label)}</a>.</p>`
      : '';
  return page(
    `${version.title} (${version.label})`,
    `<h1>${escapeHtml(version.title)}</h1>
<p class="muted">${escapeHtml(params.businessName)} · version ${escapeHtml(version.label)} · published ${escapeHtml(params.formatTime(version.publishedAt))}</p>
${newer}
<div class="terms">${escapeHtml(version.text)}</div>
<p class="muted">To accept these terms, reply I AGREE to the text message that sent you this link.</p>
<p class="muted">SHA-256 of this text: <code>${escapeHtml(version.sha256)}</code></p>`,
  );
}

/** The printable evidence of one booking's acceptance of the terms. */
export function evidencePage(params: { evidence: TermsEvidenceView; businessName: string; formatTime(at: Date): string }): string {
  const { evidence, formatTime } = params;
  const { booking, customer, acknowledgment: ack, termsVersion, recordCheck, verification } = evidence;
  const when = (at: Date) => `${escapeHtml(formatTime(at))} <span class="muted">(${escapeHtml(at.toISOString())})</span>`;

  const record = ack
    ? `<table>
${row('Acknowledgment id', code(ack.id))}
${row('Channel', text(ack.channel))}
${row('Reply, exactly as received', ack.replyText === null ? text(null) : `<code>${escapeHtml(JSON.stringify(ack.replyText))}</code>`)}
${row('Received', when(ack.receivedAt))}
${row('From', text(ack.fromAddress))}
${row('Provider message id', code(ack.providerMessageId))}
${row('Webhook signature verified', text(ack.signatureVerified ? 'yes' : 'no'))}
${row('IP address', text(ack.ip))}
${row('User agent', text(ack.userAgent))}
${row('Recorded by staff user', code(ack.recordedByStaffUserId))}
${row('Terms version accepted', `${escapeHtml(termsVersion.label)} (${code(ack.termsVersionId)})`)}
${row('Terms SHA-256 at acceptance', code(ack.termsSha256))}
${row('Written to the chain', when(ack.createdAt))}
</table>`
    : '<p class="bad">These terms have not been accepted for this booking.</p>';

  const chain = ack && recordCheck
    ? `<table>
${row('Position in the chain', `record ${ack.sequence} of ${recordCheck.chainLength}`)}
${row('Content SHA-256', code(ack.contentSha256))}
${row('Previous record’s SHA-256', code(ack.previousSha256))}
${row('Content hash recomputed', verdict(recordCheck.contentHashMatches, 'matches: the record is as written', 'DOES NOT MATCH: the record was changed after it was written'))}
${row('Link to the previous record', verdict(recordCheck.previousLinkMatches, 'intact', 'BROKEN'))}
${row('Link from the next record', verdict(recordCheck.nextLinkMatches, 'intact', 'BROKEN'))}
${row('Terms hash', verdict(recordCheck.termsHashMatches, 'matches the text below', 'DOES NOT MATCH the text below'))}
</table>
<p>The content SHA-256 is the SHA-256 of the UTF-8 bytes of exactly this text (RFC 8785 canonical JSON of the record):</p>
<pre>${escapeHtml(evidence.canonicalContent ?? '')}</pre>`
    : '';

  const whole = `<p>${verdict(
    verification.ok,
    `Every one of the ${verification.checkedCount} records in the chain was checked: every content hash and every link is intact.`,
    `${verification.mismatchCount} problem${verification.mismatchCount === 1 ? '' : 's'} found in ${verification.checkedCount} records. First: ${verification.firstMismatch?.reason ?? ''}`,
  )}</p>
<p class="muted">Checked ${when(verification.verifiedAt)}. Newest record: ${verification.headSequence ?? 'none'}${verification.headSha256 ? `, SHA-256 <code>${escapeHtml(verification.headSha256)}</code>` : ''}.</p>`;

  const thread = evidence.messages.length
    ? `<table class="thread"><tr><th>Time</th><td><b>From</b></td><td><b>Message</b></td></tr>
${evidence.messages
  .map(
    (message) =>
      `<tr><th>${escapeHtml(formatTime(message.createdAt))}<br><span class="muted">${escapeHtml(message.createdAt.toISOString())}</span></th>` +
      `<td>${escapeHtml(message.author.toLowerCase())} · ${escapeHtml(message.channel)}${message.providerMessageId ? `<br><code>${escapeHtml(message.providerMessageId)}</code>` : ''}</td>` +
      `<td>${escapeHtml(message.text)}</td></tr>`,
  )
  .join('\n')}
</table>`
    : '<p class="muted">No messages are linked to this booking.</p>';

  const invalid = evidence.invalidReplies.length
    ? `<h2>Replies that were not read as yes or no</h2><table>${evidence.invalidReplies.map((reply) => row(formatTime(reply.receivedAt), escapeHtml(reply.text))).join('\n')}</table>`
    : '';

  return page(
    `Terms acceptance evidence: booking ${booking.id}`,
    `<h1>Terms acceptance evidence</h1>
<p class="muted">${escapeHtml(params.businessName)} · generated ${when(evidence.generatedAt)}</p>
<h2>Booking</h2>
<table>
${row('Booking id', code(booking.id))}
${row('Status', text(booking.status))}
${row('Event', `${escapeHtml(booking.eventDate)} at ${escapeHtml(booking.startTime)}, ${escapeHtml(String(booking.partySize))} guests`)}
${row('Address', text(booking.address))}
${row('Customer', `${text(customer?.name)}${customer?.phone ? ` · ${escapeHtml(customer.phone)}` : ''}${customer?.email ? ` · ${escapeHtml(customer.email)}` : ''} (${code(booking.customerId)})`)}
</table>
<h2>Acceptance record</h2>
${record}
${chain ? `<h2>Chain position and hashes</h2>\n${chain}` : ''}
<h2>Verification of the whole chain</h2>
${whole}
<h2>Terms text (${escapeHtml(termsVersion.label)}: ${escapeHtml(termsVersion.title)})</h2>
<p class="muted">Published ${when(termsVersion.publishedAt)}. SHA-256 <code>${escapeHtml(termsVersion.sha256)}</code></p>
<div class="terms">${escapeHtml(termsVersion.text)}</div>
<h2>Messages</h2>
${thread}
${invalid}`,
  );
}

/** A page for a refusal or a missing page, in the same plain style. */
export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
