import { describe, expect, it } from 'vitest';
import { formatLongDay } from '../assistant/phrasebook';
import { Booking } from './booking.entity';
import { confirmationText } from './booking-texts';

function booking(overrides: Partial<Booking> = {}): Booking {
  return Object.assign(new Booking(), {
    id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    eventDate: '2026-12-20',
    startTime: '18:00',
    address: '123 Main St, Sacramento, CA',
    adults: 20,
    kids: 0,
    pricePerAdultCents: 6000,
    pricePerKidCents: 3000,
    minimumSpendCents: 60000,
    travelFeeCents: 0,
    depositCents: 10000,
    paidCents: 0,
    ...overrides,
  });
}

describe('the booking confirmation text', () => {
  it('keeps the English wording, for English and for a thread with no language yet', () => {
    const english =
      'Your hibachi party is confirmed: Sunday, December 20 at 6:00 PM, 123 Main St, Sacramento, CA, 20 adults. Booking reference HB-3FA85F. ' +
      'Price: $1,200 food = $1,200. Deposit $100; balance $1,200 due on the day. Thank you for choosing Hibachi Test!';
    expect(confirmationText(booking(), 'en', 'Hibachi Test')).toBe(english);
    expect(confirmationText(booking(), null, 'Hibachi Test')).toBe(english);
  });

  it('is in Spanish for a Spanish thread: the day, time, guests, price and deposit', () => {
    expect(confirmationText(booking(), 'es', 'Hibachi Test')).toBe(
      'Su fiesta de hibachi está confirmada: domingo 20 de diciembre a las 6:00 p. m., 123 Main St, Sacramento, CA, 20 adultos. Referencia de la reserva HB-3FA85F. ' +
        'Precio: $1,200 de comida = $1,200. Depósito $100; saldo de $1,200 a pagar el día del evento. ¡Gracias por elegir Hibachi Test!',
    );
    const small = confirmationText(booking({ adults: 1, kids: 1, travelFeeCents: 2500 }), 'es', 'Hibachi Test');
    expect(small).toContain(', 1 adulto y 1 niño.');
    expect(small).toContain('Precio: $600 de comida (gasto mínimo) + $25 de traslado = $625.');
  });
});

describe('a long day', () => {
  it('reads as each language writes it', () => {
    expect(formatLongDay('2026-12-19', 'en')).toBe('Saturday, December 19');
    expect(formatLongDay('2026-12-19', 'es')).toBe('sábado 19 de diciembre');
  });
});
