import type { DraftField, ReplyLanguage } from '../conversations/conversation.entity';

/**
 * Every sentence the assistant says to a customer, in each language it answers in. The booking
 * policy, the self-service of changes and the inbound path pick a phrasebook by the thread's
 * language and never write customer-facing words of their own, so a new language (or a change of
 * wording) is made here only.
 */
export interface Phrasebook {
  language: ReplyLanguage;
  // ---- the booking flow
  question: Record<DraftField, string>;
  fieldLabel: Record<DraftField, string>;
  greeting(businessName: string): string;
  unsure(fields: string[]): string;
  readBackAndAsk(summary: string, quote: string | null): string;
  pricing(partySize: number, quote: string): string;
  booked(summary: string, businessName: string): string;
  bookedByPhone(summary: string, businessName: string): string;
  alreadyBooked: string;
  anythingElse(answer: string): string;
  whatToChange: string;
  quote(totalCents: number, perGuestCents: number, minimumCents: number): string;
  /** "20 guests on Sat, Dec 19, 2026 at 6:00 PM, at 12 Oak St, under the name Dana" */
  draftSummary(parts: { guests?: number; date?: string; time?: string; address?: string; name?: string; phone?: string; notes?: string }): string;
  termsByTextToPhone: string;
  termsNext: string;
  teamWillConfirm: string;
  attachmentsOnly: string;
  // ---- handing over to a person
  connectingPerson: string;
  sorryBringingPerson: string;
  notGettingIt: string;
  staffWillReply: string;
  passedChange(kind: 'MODIFY' | 'CANCEL'): string;
  // ---- changes and cancellations the assistant finishes
  party(guests: number, date: string, time: string): string;
  whichBooking(list: string[]): string;
  askWhatToChange(party: string): string;
  /** The change read back: `to` when the day or time moves, `address` when the place does, `newGuests` when the count does. */
  readBackChange(change: { guests: number; from: string; to?: string; address?: string; newGuests?: number }): string;
  priceLine(newTotalCents: number, oldTotalCents: number): string;
  confirmChangeOrKeep: string;
  readBackCancel(party: string, money: string): string;
  refundSentence(refundCents: number, daysBefore: number): string;
  keptSentence(keptCents: number, refundCents: number, daysBefore: number, refundMinDays: number): string;
  nothingPaidSentence: string;
  changed(summary: string, priceLine: string | null, termsAgain: boolean): string;
  /** `cardCents`: refunded to the card by itself; `byHandCents`: paid by bank transfer or cash, sent back by staff. */
  cancelled(party: string, cardCents: number, byHandCents: number): string;
  keptAsIs(party: string): string;
  changeRefused(reasons: string): string;
  noBookingFound(kind: 'MODIFY' | 'CANCEL'): string;
  changeToStaff(kind: 'MODIFY' | 'CANCEL', why: StaffReason): string;
  upsetAboutChange: string;
  // ---- a web chat proving it holds the booking's phone (a code texted to it)
  askPhoneForChange(kind: 'MODIFY' | 'CANCEL'): string;
  /** The text to the phone itself. */
  codeText(code: string, kind: 'MODIFY' | 'CANCEL'): string;
  /** `lastDigits`: the end of the number the code went to, so the customer knows which phone to look at. */
  codeSent(lastDigits: string): string;
  askForCode(lastDigits: string): string;
  wrongCode(attemptsLeft: number): string;
  /** `why`: the code expired, too many wrong codes, or the number cannot be texted. */
  proofToStaff(kind: 'MODIFY' | 'CANCEL', why: ProofFailure): string;
  /** The refund sentences of a cancellation (each with a leading space), empty when nothing is owed. */
  refundOnItsWay(cardCents: number, byHandCents: number): string;
}

/** Why proving the phone ended with staff. */
export type ProofFailure = 'EXPIRED' | 'TOO_MANY_ATTEMPTS' | 'CANNOT_TEXT' | 'TOO_MANY_CODES';

/** Why a change goes to a person, as the customer hears it. */
export type StaffReason = 'DATE_FULL' | 'TOO_CLOSE' | 'PARTY_SIZE' | 'EVENT_TODAY' | 'CLOSED';

const english: Phrasebook = {
  language: 'en',
  question: {
    partySize: 'How many guests will there be (adults and kids)?',
    eventDate: 'What date is the party?',
    startTime: 'What time would you like the chef to start cooking?',
    address: 'What is the address of the event?',
    name: 'May I have your name for the booking?',
    phone: 'What phone number can we text the booking terms to?',
    email: 'What email should we use?',
    dietaryNotes: 'Any allergies or dietary needs we should know about?',
  },
  fieldLabel: {
    partySize: 'number of guests',
    eventDate: 'date',
    startTime: 'start time',
    address: 'address',
    name: 'name',
    phone: 'phone number',
    email: 'email',
    dietaryNotes: 'dietary notes',
  },
  greeting: (business) => `Hi! I'm the booking assistant for ${business}. I can book a private hibachi chef for a party at your home.`,
  unsure: (fields) => `Sorry, I want to be sure I have the right ${fields.join(' and ')}. Could you tell me again?`,
  readBackAndAsk: (summary, quote) => `Here's what I have: ${summary}.${quote ? ` Estimated price: ${quote}.` : ''} Shall I book it? Reply YES to confirm or tell me what to change.`,
  pricing: (guests, quote) => `For ${guests} guests it comes to about ${quote}.`,
  booked: (summary, business) => `You're booked! We've saved your hibachi party: ${summary}. Thank you for choosing ${business}!`,
  bookedByPhone: (summary, business) => `Thanks for calling ${business}! We've saved your hibachi party: ${summary}.`,
  alreadyBooked: 'Your party is booked and our team will be in touch soon.',
  anythingElse: (answer) => `${answer} Anything else I can help with?`,
  whatToChange: 'No problem. What should I change?',
  quote: (total, perGuest, minimum) => `${dollars(total)} before any travel fee (${dollars(perGuest)} per guest, ${dollars(minimum)} minimum)`,
  draftSummary: (p) =>
    [
      [p.guests !== undefined && `${p.guests} guests`, p.date && `on ${p.date}`, p.time && `at ${p.time}`].filter(Boolean).join(' '),
      p.address && `at ${p.address}`,
      p.name && `under the name ${p.name}`,
      p.phone && `phone ${p.phone}`,
      p.notes && `notes: ${p.notes}`,
    ]
      .filter(Boolean)
      .join(', '),
  termsByTextToPhone: ' To confirm it, I’m texting our booking terms to your phone now: reply I AGREE to that text.',
  termsNext: ' To confirm it, please read the booking terms I’m sending next and reply I AGREE.',
  teamWillConfirm: ' Our team will be in touch to confirm it with you.',
  attachmentsOnly: "Thanks! I can't open attachments here, so please tell me in a message what you'd like, such as your date and number of guests.",
  connectingPerson: "Of course. I'm connecting you with a member of our team now; they'll reply right here shortly.",
  sorryBringingPerson: "I'm sorry about this. I'm bringing in a member of our team right away; they'll reply here shortly.",
  notGettingIt: "Sorry I'm not getting this right. A member of our team will take it from here and reply shortly.",
  staffWillReply: 'Thanks for your message! A member of our team will reply here shortly.',
  passedChange: (kind) => `I've passed your request to ${kind === 'CANCEL' ? 'cancel' : 'change'} your booking to our team; they'll confirm with you here shortly.`,
  party: (guests, date, time) => `your party of ${guests} on ${date} at ${time}`,
  whichBooking: (list) => `I see ${list.length} upcoming parties: ${list.map((item, i) => `${i + 1}) ${item}`).join('; ')}. Which one do you mean? Reply with its number.`,
  askWhatToChange: (party) => `Sure, I can help change ${party}. What would you like to change: the date, the start time, the number of guests or the address?`,
  readBackChange: ({ guests, from, to, address, newGuests }) => {
    const resized = newGuests !== undefined ? `${to || address ? ', now for' : ''} ${newGuests} guests` : '';
    if (to) return `Move your party of ${guests} from ${from} to ${to}${address ? ` at ${address}` : ''}${resized}?`;
    if (address) return `Move your party of ${guests} on ${from} to ${address}${resized}?`;
    return `Change your party on ${from} from ${guests} to${resized}?`;
  },
  priceLine: (now, before) => (now === before ? `The price stays ${dollars(now)}.` : `The new price is ${dollars(now)} (was ${dollars(before)}).`),
  confirmChangeOrKeep: 'Reply YES to make the change or NO to keep your booking as it is.',
  readBackCancel: (party, money) => `Cancel ${party}? ${money} Reply YES to cancel it or NO to keep it.`,
  refundSentence: (refund, days) => `It is ${days} days away, so your ${dollars(refund)} paid will be refunded.`,
  keptSentence: (kept, refund, days, minDays) =>
    `It is ${days} day${days === 1 ? '' : 's'} away, so under our cancellation policy (a refund needs ${minDays} days' notice) the ${dollars(kept)} deposit is kept${refund > 0 ? ` and the other ${dollars(refund)} you paid will be refunded` : ''}.`,
  nothingPaidSentence: 'No payment has been made, so nothing is owed either way.',
  changed: (summary, price, termsAgain) =>
    `Done! Your party is now ${summary}.${price ? ` ${price}` : ''}${termsAgain ? ' Because the event changed, please read the updated booking terms I’m sending next and reply I AGREE.' : ''}`,
  cancelled: (party, card, byHand) => `Done: ${party} is cancelled.${english.refundOnItsWay(card, byHand)} We hope to cook for you another time!`,
  keptAsIs: (party) => `No problem, I've kept ${party} exactly as it is.`,
  changeRefused: (reasons) => `I can't make that change: ${reasons} Would you like something else instead?`,
  noBookingFound: (kind) => `I couldn't find an upcoming booking for you here, so I've passed your request to ${kind === 'CANCEL' ? 'cancel' : 'change'} it to our team; they'll reply here shortly.`,
  changeToStaff: (kind, why) => `${STAFF_WHY_EN[why]} I've passed your request to ${kind === 'CANCEL' ? 'cancel' : 'change'} your booking to our team; they'll confirm with you here shortly.`,
  upsetAboutChange: "I'm sorry for the trouble. I've asked a member of our team to take care of your booking personally; they'll reply here shortly.",
  askPhoneForChange: (kind) => `I can help ${kind === 'CANCEL' ? 'cancel' : 'change'} your booking. What phone number is it under? I'll text a code to that phone to make sure it's you.`,
  codeText: (code, kind) => `${code} is your code to ${kind === 'CANCEL' ? 'cancel' : 'change'} your hibachi booking in our web chat. It works for 10 minutes. If you didn't ask for it, ignore this text.`,
  codeSent: (last) => `I've texted a 6-digit code to the phone ending in ${last}. Please type it here; it works for 10 minutes.`,
  askForCode: (last) => `Please type the 6-digit code I texted to the phone ending in ${last}.`,
  wrongCode: (left) => `That code doesn't match. Please check the text and try again (${left} ${left === 1 ? 'try' : 'tries'} left).`,
  proofToStaff: (kind, why) =>
    `${PROOF_FAILURE_EN[why]} I've passed your request to ${kind === 'CANCEL' ? 'cancel' : 'change'} your booking to our team; they'll help you here shortly.`,
  refundOnItsWay: (card, byHand) =>
    `${card > 0 ? ` ${dollars(card)} is being refunded to your card; it usually shows in 5 to 10 business days.` : ''}${byHand > 0 ? ` Our team will send ${dollars(byHand)} back to you the way you paid it and let you know when it is on its way.` : ''}`,
};

const PROOF_FAILURE_EN: Record<ProofFailure, string> = {
  EXPIRED: 'That code has expired.',
  TOO_MANY_ATTEMPTS: "That's too many codes that didn't match.",
  CANNOT_TEXT: "I can't text a code to that number.",
  TOO_MANY_CODES: "I've sent that number as many codes as I can for now.",
};

const PROOF_FAILURE_ES: Record<ProofFailure, string> = {
  EXPIRED: 'Ese código ya venció.',
  TOO_MANY_ATTEMPTS: 'Hubo demasiados códigos que no coinciden.',
  CANNOT_TEXT: 'No puedo enviar un código a ese número.',
  TOO_MANY_CODES: 'Ya envié a ese número todos los códigos que puedo por ahora.',
};

const STAFF_WHY_EN: Record<StaffReason, string> = {
  DATE_FULL: 'That day is already fully booked with our chefs.',
  TOO_CLOSE: 'That is too close to the event for me to change it here.',
  PARTY_SIZE: 'That number of guests needs our team to plan it.',
  EVENT_TODAY: 'Your event is today, so a person needs to handle this.',
  CLOSED: 'That booking can no longer be changed here.',
};

const spanish: Phrasebook = {
  language: 'es',
  question: {
    partySize: '¿Cuántos invitados habrá (adultos y niños)?',
    eventDate: '¿Qué día es la fiesta?',
    startTime: '¿A qué hora quiere que el chef empiece a cocinar?',
    address: '¿Cuál es la dirección del evento?',
    name: '¿Me da su nombre para la reserva?',
    phone: '¿A qué número de teléfono le enviamos los términos de la reserva?',
    email: '¿Qué correo electrónico usamos?',
    dietaryNotes: '¿Alguna alergia o necesidad alimentaria que debamos saber?',
  },
  fieldLabel: {
    partySize: 'número de invitados',
    eventDate: 'fecha',
    startTime: 'hora de inicio',
    address: 'dirección',
    name: 'nombre',
    phone: 'número de teléfono',
    email: 'correo electrónico',
    dietaryNotes: 'notas alimentarias',
  },
  greeting: (business) => `¡Hola! Soy el asistente de reservas de ${business}. Puedo reservar un chef de hibachi privado para una fiesta en su casa.`,
  unsure: (fields) => `Disculpe, quiero asegurarme de tener bien: ${fields.join(' y ')}. ¿Me lo puede repetir?`,
  readBackAndAsk: (summary, quote) => `Esto es lo que tengo: ${summary}.${quote ? ` Precio estimado: ${quote}.` : ''} ¿Hago la reserva? Responda SÍ para confirmar o dígame qué cambiar.`,
  pricing: (guests, quote) => `Para ${guests} invitados serían aproximadamente ${quote}.`,
  booked: (summary, business) => `¡Listo, reservado! Guardamos su fiesta de hibachi: ${summary}. ¡Gracias por elegir ${business}!`,
  bookedByPhone: (summary, business) => `¡Gracias por llamar a ${business}! Guardamos su fiesta de hibachi: ${summary}.`,
  alreadyBooked: 'Su fiesta está reservada y nuestro equipo se comunicará pronto.',
  anythingElse: (answer) => `${answer} ¿Algo más en que le pueda ayudar?`,
  whatToChange: 'Claro. ¿Qué debo cambiar?',
  quote: (total, perGuest, minimum) => `${dollars(total)} antes de cualquier cargo de traslado (${dollars(perGuest)} por invitado, mínimo ${dollars(minimum)})`,
  draftSummary: (p) =>
    [
      [p.guests !== undefined && `${p.guests} invitados`, p.date && `el ${p.date}`, p.time && `a las ${p.time}`].filter(Boolean).join(' '),
      p.address && `en ${p.address}`,
      p.name && `a nombre de ${p.name}`,
      p.phone && `teléfono ${p.phone}`,
      p.notes && `notas: ${p.notes}`,
    ]
      .filter(Boolean)
      .join(', '),
  termsByTextToPhone: ' Para confirmarla, le envío ahora nuestros términos de reserva por mensaje de texto: responda ACEPTO a ese mensaje.',
  termsNext: ' Para confirmarla, lea los términos de la reserva que le envío a continuación y responda ACEPTO.',
  teamWillConfirm: ' Nuestro equipo se comunicará con usted para confirmarla.',
  attachmentsOnly: '¡Gracias! No puedo abrir archivos adjuntos aquí; escríbame en un mensaje lo que necesita, por ejemplo la fecha y el número de invitados.',
  connectingPerson: 'Por supuesto. Le comunico ahora con un miembro de nuestro equipo; le responderá aquí en breve.',
  sorryBringingPerson: 'Lamento mucho lo ocurrido. Un miembro de nuestro equipo le atenderá de inmediato; le responderá aquí en breve.',
  notGettingIt: 'Disculpe, no lo estoy entendiendo bien. Un miembro de nuestro equipo continuará y le responderá en breve.',
  staffWillReply: '¡Gracias por su mensaje! Un miembro de nuestro equipo le responderá aquí en breve.',
  passedChange: (kind) => `Pasé su solicitud de ${kind === 'CANCEL' ? 'cancelar' : 'cambiar'} la reserva a nuestro equipo; se lo confirmarán aquí en breve.`,
  party: (guests, date, time) => `su fiesta de ${guests} el ${date} a las ${time}`,
  whichBooking: (list) => `Veo ${list.length} fiestas próximas: ${list.map((item, i) => `${i + 1}) ${item}`).join('; ')}. ¿Cuál de ellas? Responda con su número.`,
  askWhatToChange: (party) => `Claro, puedo ayudarle a cambiar ${party}. ¿Qué desea cambiar: la fecha, la hora, el número de invitados o la dirección?`,
  readBackChange: ({ guests, from, to, address, newGuests }) => {
    const resized = newGuests !== undefined ? `${to || address ? ', ahora para' : ''} ${newGuests} invitados` : '';
    if (to) return `¿Cambio su fiesta de ${guests} del ${from} al ${to}${address ? ` en ${address}` : ''}${resized}?`;
    if (address) return `¿Cambio su fiesta de ${guests} del ${from} a ${address}${resized}?`;
    return `¿Cambio su fiesta del ${from} de ${guests} a${resized}?`;
  },
  priceLine: (now, before) => (now === before ? `El precio sigue siendo ${dollars(now)}.` : `El nuevo precio es ${dollars(now)} (antes ${dollars(before)}).`),
  confirmChangeOrKeep: 'Responda SÍ para hacer el cambio o NO para dejar la reserva como está.',
  readBackCancel: (party, money) => `¿Cancelo ${party}? ${money} Responda SÍ para cancelarla o NO para mantenerla.`,
  refundSentence: (refund, days) => `Faltan ${days} días, así que le reembolsaremos los ${dollars(refund)} pagados.`,
  keptSentence: (kept, refund, days, minDays) =>
    `Falta${days === 1 ? '' : 'n'} ${days} día${days === 1 ? '' : 's'}, así que según nuestra política de cancelación (el reembolso requiere ${minDays} días de aviso) el depósito de ${dollars(kept)} no se reembolsa${refund > 0 ? ` y le devolveremos los otros ${dollars(refund)} que pagó` : ''}.`,
  nothingPaidSentence: 'No se ha hecho ningún pago, así que no se debe nada.',
  changed: (summary, price, termsAgain) =>
    `¡Listo! Su fiesta ahora es ${summary}.${price ? ` ${price}` : ''}${termsAgain ? ' Como el evento cambió, lea los términos actualizados que le envío a continuación y responda ACEPTO.' : ''}`,
  cancelled: (party, card, byHand) => `Listo: ${party} quedó cancelada.${spanish.refundOnItsWay(card, byHand)} ¡Esperamos cocinar para usted en otra ocasión!`,
  keptAsIs: (party) => `Entendido, dejé ${party} tal como está.`,
  changeRefused: (reasons) => `No puedo hacer ese cambio: ${reasons} ¿Desea otra opción?`,
  noBookingFound: (kind) => `No encontré una reserva próxima a su nombre aquí, así que pasé su solicitud de ${kind === 'CANCEL' ? 'cancelarla' : 'cambiarla'} a nuestro equipo; le responderán aquí en breve.`,
  changeToStaff: (kind, why) => `${STAFF_WHY_ES[why]} Pasé su solicitud de ${kind === 'CANCEL' ? 'cancelar' : 'cambiar'} la reserva a nuestro equipo; se lo confirmarán aquí en breve.`,
  upsetAboutChange: 'Lamento las molestias. Le pedí a un miembro de nuestro equipo que se encargue personalmente de su reserva; le responderá aquí en breve.',
  askPhoneForChange: (kind) => `Puedo ayudarle a ${kind === 'CANCEL' ? 'cancelar' : 'cambiar'} su reserva. ¿A qué número de teléfono está? Le enviaré un código por mensaje de texto a ese teléfono para confirmar que es usted.`,
  codeText: (code, kind) => `${code} es su código para ${kind === 'CANCEL' ? 'cancelar' : 'cambiar'} su reserva de hibachi en nuestro chat web. Es válido por 10 minutos. Si no lo pidió, ignore este mensaje.`,
  codeSent: (last) => `Le envié un código de 6 dígitos al teléfono que termina en ${last}. Escríbalo aquí; es válido por 10 minutos.`,
  askForCode: (last) => `Escriba aquí el código de 6 dígitos que le envié al teléfono que termina en ${last}.`,
  wrongCode: (left) => `Ese código no coincide. Revise el mensaje e inténtelo de nuevo (${left === 1 ? 'queda 1 intento' : `quedan ${left} intentos`}).`,
  proofToStaff: (kind, why) =>
    `${PROOF_FAILURE_ES[why]} Pasé su solicitud de ${kind === 'CANCEL' ? 'cancelar' : 'cambiar'} la reserva a nuestro equipo; le ayudarán aquí en breve.`,
  refundOnItsWay: (card, byHand) =>
    `${card > 0 ? ` Le estamos reembolsando ${dollars(card)} a su tarjeta; suele verse en 5 a 10 días hábiles.` : ''}${byHand > 0 ? ` Nuestro equipo le devolverá ${dollars(byHand)} por el mismo medio en que pagó y le avisará cuando esté en camino.` : ''}`,
};

const STAFF_WHY_ES: Record<StaffReason, string> = {
  DATE_FULL: 'Ese día ya tenemos a todos nuestros chefs reservados.',
  TOO_CLOSE: 'Falta muy poco para el evento para cambiarlo por aquí.',
  PARTY_SIZE: 'Ese número de invitados necesita que nuestro equipo lo planifique.',
  EVENT_TODAY: 'Su evento es hoy, así que una persona debe atender esto.',
  CLOSED: 'Esa reserva ya no se puede cambiar por aquí.',
};

const BOOKS: Record<ReplyLanguage, Phrasebook> = { en: english, es: spanish };

export function phrasebook(language: ReplyLanguage | null | undefined): Phrasebook {
  return BOOKS[language ?? 'en'];
}

/**
 * The language to answer a message in: Spanish as soon as the analysis says so; English again
 * only for a message long enough to tell (three words or more), so a "sí", "ok" or "20" keeps
 * the thread's language.
 */
export function replyLanguage(thread: ReplyLanguage | null, said: ReplyLanguage | undefined, text: string): ReplyLanguage {
  if (said === 'es') return 'es';
  if (said === 'en' && (thread === null || words(text) >= 3)) return 'en';
  return thread ?? 'en';
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

// Built once: toLocaleString makes a formatter on every call.
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0 });
const DOLLARS_AND_CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });

/** $1,200 or $1,200.50: US dollars read the same way in both languages here. */
export function dollars(cents: number): string {
  return `$${(cents % 100 ? DOLLARS_AND_CENTS : WHOLE_DOLLARS).format(cents / 100)}`;
}

const SHORT_DAY: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }),
};
const DAY_WITH_YEAR: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
};

/** "Sat, Dec 19" / "sáb, 19 dic" for a YYYY-MM-DD calendar day; with the year when asked. */
export function formatDay(isoDate: string, language: ReplyLanguage, withYear = false): string {
  return (withYear ? DAY_WITH_YEAR : SHORT_DAY)[language].format(new Date(`${isoDate}T12:00:00Z`));
}

const LONG_DAY: Record<ReplyLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat('es-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** "Sunday, December 20" / "domingo 20 de diciembre" for a YYYY-MM-DD calendar day. */
export function formatLongDay(isoDate: string, language: ReplyLanguage): string {
  const parts = LONG_DAY[language].formatToParts(new Date(`${isoDate}T12:00:00Z`));
  if (language === 'en') return parts.map((part) => part.value).join('');
  // Built from the parts: Spanish writes the weekday without the comma Intl puts after it.
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} de ${part('month')}`;
}

/** "6:00 PM" (English) or "6:00 p. m." (Spanish) for "18:00". */
export function formatTime(hhmm: string, language: ReplyLanguage): string {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, '0')}`;
  if (language === 'es') return `${clock} ${hours >= 12 ? 'p. m.' : 'a. m.'}`;
  return `${clock} ${hours >= 12 ? 'PM' : 'AM'}`;
}
