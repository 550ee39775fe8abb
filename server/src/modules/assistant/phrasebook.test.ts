import { describe, expect, it } from 'vitest';
import { ConversationStage } from '../conversations/conversation.entity';
import type { MessageAnalysis } from './assistant.port';
import { decide, type PolicySettings } from './booking-policy';
import { formatDay, formatTime, phrasebook, replyLanguage } from './phrasebook';

const settings: PolicySettings = {
  businessName: 'Hibachi Test',
  confidenceThreshold: 0.75,
  maxAttempts: 3,
  pricePerGuestCents: 6000,
  minimumSpendCents: 60000,
  faqAnswers: { MINIMUM_SPEND: 'MIN', SERVICE_AREA: 'AREA', VEGETARIAN_OPTIONS: 'VEG', WHATS_INCLUDED: 'INCLUDED' },
  faqAnswersSpanish: { MINIMUM_SPEND: 'MÍNIMO', SERVICE_AREA: 'ÁREA', VEGETARIAN_OPTIONS: 'VEGETARIANO', WHATS_INCLUDED: 'INCLUIDO' },
  askForPhone: false,
  bookWithoutReadBack: false,
};
const analysis = (overrides: Partial<MessageAnalysis> = {}): MessageAnalysis => ({ intent: 'NEW_BOOKING', intentConfidence: 0.9, details: {}, sentiment: 0, language: 'en', ...overrides });
const sure = <T>(value: T) => ({ value, confidence: 0.95 });

describe('the language of a reply', () => {
  it('answers in Spanish as soon as a message is read as Spanish', () => {
    expect(replyLanguage(null, 'es', 'Hola, quiero reservar')).toBe('es');
    expect(replyLanguage('en', 'es', 'sí')).toBe('es');
  });

  it('keeps Spanish through a short reply that reads as English, and goes back for a real English message', () => {
    expect(replyLanguage('es', 'en', 'ok')).toBe('es');
    expect(replyLanguage('es', 'en', '20')).toBe('es');
    expect(replyLanguage('es', 'en', 'Can we do 7pm instead')).toBe('en');
    expect(replyLanguage('es', undefined, 'Can we do 7pm instead')).toBe('es');
  });

  it('is English for a new thread without a word of Spanish', () => {
    expect(replyLanguage(null, 'en', 'yes')).toBe('en');
    expect(replyLanguage(null, undefined, 'yes')).toBe('en');
  });
});

describe('the phrasebooks', () => {
  it('have every phrase in both languages', () => {
    const english = phrasebook('en');
    const spanish = phrasebook('es');
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    expect(Object.keys(spanish.question).sort()).toEqual(Object.keys(english.question).sort());
  });

  it('write days and times the way each language reads them', () => {
    expect(formatDay('2026-12-19', 'en')).toBe('Sat, Dec 19');
    expect(formatDay('2026-12-19', 'es')).toMatch(/^sáb, 19 (de )?dic/);
    expect(formatTime('17:00', 'en')).toBe('5:00 PM');
    expect(formatTime('17:00', 'es')).toBe('5:00 p. m.');
  });
});

describe('the booking flow in Spanish', () => {
  const state = { stage: ConversationStage.GREETING, draft: {}, failedAttempts: 0, previousCustomerText: null, language: 'es' as const };

  it('asks for the next detail in Spanish', () => {
    const decision = decide(state, analysis({ details: { partySize: sure(20), eventDate: sure('2026-12-20') } }), settings, 'Quiero reservar para 20 personas el 20 de diciembre');
    expect(decision.reply).toBe('¿A qué hora quiere que el chef empiece a cocinar?');
  });

  it('reads the party back and quotes it in Spanish', () => {
    const draft = { partySize: sure(20), eventDate: sure('2026-12-20'), startTime: sure('18:00'), address: sure('12 Oak St, Davis, CA 95616'), name: sure('Ana') };
    const decision = decide({ ...state, stage: ConversationStage.COLLECTING_DETAILS, draft }, analysis(), settings, 'Ana');
    expect(decision.reply).toMatch(/^Esto es lo que tengo: 20 invitados el dom, 20 (de )?dic.* a las 6:00 p\. m\., en 12 Oak St, Davis, CA 95616, a nombre de Ana\. Precio estimado: \$1,200 antes de cualquier cargo de traslado .*¿Hago la reserva\?/);
  });

  it('holds the customer in Spanish while a person is brought in', () => {
    const decision = decide(state, analysis({ intent: 'HUMAN_REQUEST' }), settings, 'quiero hablar con una persona');
    expect(decision.reply).toBe('Por supuesto. Le comunico ahora con un miembro de nuestro equipo; le responderá aquí en breve.');
    expect(decision.escalate).toBeDefined();
  });

  it('answers a question from the Spanish FAQ answers', () => {
    const decision = decide({ ...state, stage: ConversationStage.BOOKED }, analysis({ intent: 'GENERAL_QUESTION', faqTopic: 'VEGETARIAN_OPTIONS' }), settings, '¿tienen opciones vegetarianas?');
    expect(decision.reply).toBe('VEGETARIANO ¿Algo más en que le pueda ayudar?');
    const english = decide({ ...state, language: 'en', stage: ConversationStage.BOOKED }, analysis({ intent: 'GENERAL_QUESTION', faqTopic: 'VEGETARIAN_OPTIONS' }), settings, 'vegetarian?');
    expect(english.reply).toBe('VEG Anything else I can help with?');
  });

  it('says the same in English as it always has', () => {
    const decision = decide({ ...state, language: 'en' }, analysis({ intent: 'HUMAN_REQUEST' }), settings, 'a person please');
    expect(decision.reply).toBe("Of course. I'm connecting you with a member of our team now; they'll reply right here shortly.");
  });
});
