import { describe, expect, it } from 'vitest';
import { readTermsReply } from './terms-reply';
import { termsTexts } from './terms-texts';

const facts = { businessName: 'Hibachi Test', eventDate: '2026-12-19', startTime: '18:00', partySize: 20, termsUrl: 'https://example.test/terms/v1' };

describe('the terms texts', () => {
  it('keep the English wording', () => {
    const english = termsTexts('en');
    expect(english.request(facts)).toBe(
      'Hibachi Test: to confirm your hibachi event on Sat, Dec 19 at 6:00 PM for 20 guests, please read our terms at https://example.test/terms/v1 and reply I AGREE to accept them.',
    );
    expect(english.request({ ...facts, partySize: 1 })).toContain('for 1 guest,');
    expect(english.clarifying(facts.termsUrl)).toBe("To confirm your booking, please reply I AGREE to accept our terms: https://example.test/terms/v1, or NO if you don't agree.");
    expect(english.accepted).toBe('Thank you! Your acceptance of our terms is recorded.');
  });

  it('are English for a thread with no language yet', () => {
    expect(termsTexts(null)).toBe(termsTexts('en'));
    expect(termsTexts(undefined)).toBe(termsTexts('en'));
  });

  it('ask in Spanish for ACEPTO, with the day and time as Spanish reads them', () => {
    const spanish = termsTexts('es');
    expect(spanish.request(facts)).toBe(
      'Hibachi Test: para confirmar su evento de hibachi del sábado 19 de diciembre a las 6:00 p. m. para 20 invitados, lea nuestros términos en https://example.test/terms/v1 y responda ACEPTO para aceptarlos.',
    );
    expect(spanish.request({ ...facts, partySize: 1, startTime: '11:30' })).toContain('a las 11:30 a. m. para 1 invitado,');
    expect(spanish.clarifying(facts.termsUrl)).toBe('Para confirmar su reserva, responda ACEPTO para aceptar nuestros términos: https://example.test/terms/v1, o NO si no está de acuerdo.');
    expect([spanish.accepted, spanish.refused, spanish.handedToStaff]).toEqual([
      '¡Gracias! Quedó registrada su aceptación de nuestros términos.',
      'Gracias por avisarnos. Solo podemos confirmar una reserva una vez aceptados sus términos, así que un miembro de nuestro equipo se comunicará con usted en breve.',
      'Gracias. Un miembro de nuestro equipo se comunicará con usted en breve para ayudarle con su reserva.',
    ]);
  });

  it('have every text in both languages', () => {
    expect(Object.keys(termsTexts('es')).sort()).toEqual(Object.keys(termsTexts('en')).sort());
  });

  it('ask for words the reply reader takes as acceptance, and the NO they offer as a refusal', () => {
    for (const reply of ['ACEPTO', 'acepto', 'Acepto.', 'I AGREE', 'i agree']) expect(readTermsReply(reply), reply).toBe('ACCEPT');
    expect(readTermsReply('NO')).toBe('REFUSE');
  });
});
