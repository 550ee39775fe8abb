import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    'Hola, quiero reservar un chef para el 20 de diciembre, somos 15 personas',
    '¿Cuánto cuesta para 20 personas?',
    'hola',
    'gerente por favor',
    'Necesito cancelar mi reserva',
    // Mixed English-Spanish is answered in Spanish.
    'Hi! quiero book hibachi para 12 personas el sábado at 6pm',
    'can we change the time a las 5pm? gracias',
  ])('Spanish: %s', (text) => {
    expect(detectLanguage(text)).toBe('es');
  });

  it.each([
    'Hi, I want to book a hibachi chef for Dec 20, 20 people',
    // Spanish names, places and loan words do not make a message Spanish.
    "Could we schedule a hibachi night for 22 guests? I'm Alicia Gómez",
    'Hola! I want to book hibachi for my daughter quinceañera, 40 people, January 2nd at 7pm',
    'We live at 450 Calle Real in Santa Barbara, party of 12',
    'The address is 12 de la Cruz Ave, El Paso',
    'no soy sauce please, one guest has a soy allergy',
    '',
  ])('English: %s', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });
});

describe('detectLanguage on short messages', () => {
  it.each([
    'Me llamo Lucía Gómez',
    'me llamo Jorge',
    'Soy Lucía',
    'Soy Pablo Reyes',
    'Yo soy Carlos Méndez',
    'pueden llamarme mañana',
    'Mi nombre es Ana Torres',
    'Somos 12',
    'Para el sábado',
    'A las 6',
    'Sí, está bien',
    'Perfecto, gracias',
    '¿Y el precio?',
    'Mañana',
  ])('Spanish: %s', (text) => {
    expect(detectLanguage(text)).toBe('es');
  });

  it.each([
    // A bare name is no language: the thread keeps its own.
    'Lucía Gómez',
    'Lucía Gómez de la Cruz',
    'My name is Lucía Gómez',
    "I'm Ana",
    'Call me Lucía',
    'This is José',
    'soy sauce on the side',
    '12 people',
    'yes please',
    'See you Saturday',
    'ok',
    'yo',
    'Sounds good, thanks!',
    'me too',
    'STOP TEXTING ME ROBOT',
  ])('English: %s', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });
});
