import { formatDay, formatLongDay, formatTime } from '../assistant/phrasebook';
import type { ReplyLanguage } from '../conversations/conversation.entity';

/** What the terms request names: the event, and where the terms are read. */
export interface TermsRequestFacts {
  businessName: string;
  eventDate: string;
  startTime: string;
  partySize: number;
  termsUrl: string;
}

/**
 * Every sentence the terms module texts a customer, in each language the assistant answers in,
 * chosen by the language of the thread the text goes to. The Spanish texts ask for ACEPTO, which
 * the reply reader (terms-reply.ts) takes as acceptance, as it does I AGREE.
 */
export interface TermsTexts {
  request(facts: TermsRequestFacts): string;
  /** The one re-prompt after an unclear answer. */
  clarifying(termsUrl: string): string;
  accepted: string;
  refused: string;
  handedToStaff: string;
}

const english: TermsTexts = {
  request: ({ businessName, eventDate, startTime, partySize, termsUrl }) =>
    `${businessName}: to confirm your hibachi event on ${formatDay(eventDate, 'en')} at ${formatTime(startTime, 'en')} for ${partySize} guest${partySize === 1 ? '' : 's'}, ` +
    `please read our terms at ${termsUrl} and reply I AGREE to accept them.`,
  clarifying: (termsUrl) => `To confirm your booking, please reply I AGREE to accept our terms: ${termsUrl}, or NO if you don't agree.`,
  accepted: 'Thank you! Your acceptance of our terms is recorded.',
  refused: 'Thanks for letting us know. We can only confirm a booking once its terms are accepted, so a member of our team will be in touch shortly.',
  handedToStaff: 'Thanks. A member of our team will be in touch shortly to help with your booking.',
};

const spanish: TermsTexts = {
  request: ({ businessName, eventDate, startTime, partySize, termsUrl }) =>
    `${businessName}: para confirmar su evento de hibachi del ${formatLongDay(eventDate, 'es')} a las ${formatTime(startTime, 'es')} para ${partySize} invitado${partySize === 1 ? '' : 's'}, ` +
    `lea nuestros términos en ${termsUrl} y responda ACEPTO para aceptarlos.`,
  clarifying: (termsUrl) => `Para confirmar su reserva, responda ACEPTO para aceptar nuestros términos: ${termsUrl}, o NO si no está de acuerdo.`,
  accepted: '¡Gracias! Quedó registrada su aceptación de nuestros términos.',
  refused: 'Gracias por avisarnos. Solo podemos confirmar una reserva una vez aceptados sus términos, así que un miembro de nuestro equipo se comunicará con usted en breve.',
  handedToStaff: 'Gracias. Un miembro de nuestro equipo se comunicará con usted en breve para ayudarle con su reserva.',
};

const TEXTS: Record<ReplyLanguage, TermsTexts> = { en: english, es: spanish };

/** The terms texts in the thread's language; English while the thread has none. */
export function termsTexts(language: ReplyLanguage | null | undefined): TermsTexts {
  return TEXTS[language ?? 'en'];
}
