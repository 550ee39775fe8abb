import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure, UserInputFailure } from '../../shared/graphql/user-errors';
import type { Booking } from '../bookings/booking.entity';
import { formatClock, formatDay } from '../bookings/booking-texts';
import { formatDollars, priceBreakdown } from '../bookings/pricing';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Customer } from '../customers/customer.entity';
import { CannedReply } from './canned-reply.entity';
import type { CannedRepliesRepository } from './canned-replies.repository';
import { fillPlaceholders, PLACEHOLDERS, unknownPlaceholders, type Placeholder, type PlaceholderValues } from './placeholders';

export const SHORTCUT_MAX = 30;
export const TITLE_MAX = 80;
export const BODY_MAX = 2000;
const SHORTCUT = new RegExp(`^[a-z0-9][a-z0-9-]{0,${SHORTCUT_MAX - 1}}$`);

export interface CannedReplyFields {
  shortcut: string;
  title: string;
  body: string;
}

/**
 * Canned replies (admins keep them; staff use them), and filling one in for a thread. Every
 * problem with a reply comes back at once, each naming the field as the form labels it.
 */
export class CannedRepliesService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: CannedRepliesRepository;
      conversations: ConversationsService;
      customerById(id: string): Promise<Customer | null>;
      bookingById(id: string): Promise<Booking | null>;
      businessName: string;
    },
  ) {}

  list(): Promise<CannedReply[]> {
    return this.deps.repository.all();
  }

  create(fields: CannedReplyFields): Promise<CannedReply> {
    return this.save(new CannedReply(), fields);
  }

  async update(globalId: string, fields: CannedReplyFields): Promise<CannedReply> {
    const existing = await this.find(globalId);
    return this.save(existing, fields);
  }

  async delete(globalId: string): Promise<string> {
    const existing = await this.find(globalId);
    await this.deps.uow.run((tx) => this.deps.repository.delete(tx, existing.id));
    return globalId;
  }

  /** The reply's text for this thread: placeholders with a value here filled, the others listed for staff to type. */
  async fill(params: { cannedReplyId: string; conversationId: string }): Promise<{ text: string; unfilled: Placeholder[] }> {
    const reply = await this.find(params.cannedReplyId, 'cannedReplyId');
    const conversation = await this.deps.conversations.findByGlobalId(params.conversationId);
    if (!conversation) throw userFailure('NOT_FOUND', 'No conversation has this id.', 'conversationId');
    const [customer, booking] = await Promise.all([
      this.deps.customerById(conversation.customerId),
      conversation.bookingId ? this.deps.bookingById(conversation.bookingId) : Promise.resolve(null),
    ]);
    const draftName = conversation.bookingDraft.name ? String(conversation.bookingDraft.name.value) : null;
    return fillPlaceholders(reply.body, this.values(customer, booking, draftName));
  }

  private values(customer: Customer | null, booking: Booking | null, draftName: string | null): PlaceholderValues {
    const name = customer?.name ?? draftName;
    const price = booking ? priceBreakdown(booking) : null;
    return {
      'customer.firstName': name ? name.trim().split(/\s+/)[0] : null,
      'customer.name': name,
      'customer.phone': customer?.phone ?? null,
      'customer.email': customer?.email ?? null,
      'booking.date': booking ? formatDay(booking.eventDate) : null,
      'booking.time': booking ? formatClock(booking.startTime) : null,
      'booking.guests': booking ? String(booking.adults + booking.kids) : null,
      'booking.address': booking?.address ?? null,
      'booking.deposit': price ? formatDollars(price.depositCents) : null,
      'booking.total': price ? formatDollars(price.totalCents) : null,
      'booking.balance': price ? formatDollars(price.balanceCents) : null,
      'business.name': this.deps.businessName,
    };
  }

  private async find(globalId: string, field = 'id'): Promise<CannedReply> {
    const id = fromGlobalId('CannedReply', globalId);
    const found = id ? await this.deps.repository.findById(id) : null;
    if (!found) throw userFailure('NOT_FOUND', 'This canned reply no longer exists. Reload the list.', field);
    return found;
  }

  private save(reply: CannedReply, fields: CannedReplyFields): Promise<CannedReply> {
    const shortcut = fields.shortcut.trim().replace(/^\//, '').toLowerCase();
    const title = fields.title.trim();
    const body = fields.body.trim();
    return this.deps.uow.run(async (tx) => {
      const problems = checkFields({ shortcut, title, body });
      if (SHORTCUT.test(shortcut)) {
        const taken = await this.deps.repository.findByShortcut(tx, shortcut, reply.id);
        if (taken) problems.push(shortcutTaken(shortcut, taken.title));
      }
      if (problems.length) throw new UserInputFailure(problems);
      Object.assign(reply, { shortcut, title, body });
      if (!(await this.deps.repository.save(tx, reply))) throw new UserInputFailure([shortcutTaken(shortcut, 'another reply')]);
      return reply;
    });
  }
}

function shortcutTaken(shortcut: string, title: string) {
  return { field: 'shortcut', code: 'DUPLICATE_SHORTCUT', message: `Shortcut: /${shortcut} is already used by “${title}”. Choose another shortcut.` };
}

/** Every problem with the fields, labelled as the form labels them. */
export function checkFields(fields: CannedReplyFields): Array<{ field: string; code: string; message: string }> {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  if (!SHORTCUT.test(fields.shortcut)) {
    problems.push({
      field: 'shortcut',
      code: 'INVALID_SHORTCUT',
      message: `Shortcut: enter up to ${SHORTCUT_MAX} lower-case letters, digits or dashes, for example deposit (staff type it as /deposit).`,
    });
  }
  if (!fields.title) problems.push({ field: 'title', code: 'BLANK', message: 'Title: enter a short name staff will recognise, for example Deposit reminder.' });
  else if (fields.title.length > TITLE_MAX) problems.push({ field: 'title', code: 'TOO_LONG', message: `Title: use at most ${TITLE_MAX} characters.` });
  if (!fields.body) problems.push({ field: 'body', code: 'BLANK', message: 'Reply text: enter the message the customer will read.' });
  else if (fields.body.length > BODY_MAX) problems.push({ field: 'body', code: 'TOO_LONG', message: `Reply text: use at most ${BODY_MAX} characters.` });
  const unknown = unknownPlaceholders(fields.body);
  if (unknown.length) {
    problems.push({
      field: 'body',
      code: 'UNKNOWN_PLACEHOLDER',
      message: `Reply text: ${unknown.map((name) => `{${name}}`).join(', ')} ${unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'} we can fill. Use one of ${Object.keys(PLACEHOLDERS)
        .map((name) => `{${name}}`)
        .join(', ')}.`,
    });
  }
  return problems;
}
