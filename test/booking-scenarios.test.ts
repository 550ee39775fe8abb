import type { Client } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, useApp } from './support/fixtures';
import { VOICEMAIL_EVENT } from './support/fake-ringcentral-server';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilListening } from './support/live';

/**
 * The business's five acceptance scenarios (issue: bookings, pricing, travel, terms), end to end
 * over the real server: SMS through the RingCentral wire fake, web chat over graphql-ws, the
 * offline assistant, the offline travel estimate and the evidence chain.
 */

const app = useApp({ ringCentral: true });

const BOOKING = `query($id: ID!) { booking(id: $id) { id status sourceChannel eventDate startTime address partySize customer { name phone }
  travelQuote { miles band feeCents estimate } price { totalCents depositCents balanceCents travelFeeCents } } }`;
const ACKS = `query($id: ID) { termsAcknowledgments(bookingId: $id, first: 5) { edges { node { channel replyText providerMessageId fromAddress signatureVerified termsSha256 contentSha256 } } } }`;

let sent = 0;
/** A customer texting the business through RingCentral, and what they receive back. */
function texter(phone: string) {
  return {
    phone,
    async says(text: string): Promise<void> {
      sent += 1;
      const delivered = await app.rc.deliver(app.rc.inboundSmsBody({ from: phone, text, id: `scenario-${Date.now()}-${sent}` }));
      expect(delivered.status).toBe(200);
    },
    /** Waits for the `count`th text to this number and returns it. */
    async receives(count: number): Promise<string> {
      await eventually(`text #${count} to ${phone}`, () => app.textsTo(phone).length >= count, 20_000);
      return app.textsTo(phone)[count - 1].text;
    },
    texts: () => app.textsTo(phone).map((sms) => sms.text),
  };
}

async function bookingOf(phone: string): Promise<any> {
  const { rows } = await app.db.query(`SELECT b.id FROM booking b JOIN customer c ON c.id = b.customer_id WHERE c.phone = $1 ORDER BY b.created_at DESC LIMIT 1`, [phone]);
  if (!rows[0]) return null;
  const id = Buffer.from(`Booking:${rows[0].id}`).toString('base64url');
  return (await graphql(app.server.url, BOOKING, { id }, app.adminToken)).data!.booking;
}

async function acknowledgmentsOf(bookingId: string): Promise<any[]> {
  const response = await graphql(app.server.url, ACKS, { id: bookingId }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.termsAcknowledgments.edges.map((edge: any) => edge.node);
}

describe('1. booking by SMS', () => {
  it('gathers the party, texts the terms, and "I agree" confirms it with a confirmation text', async () => {
    const customer = texter('+19165550301');
    await customer.says('I want to book for 20 people on Dec 20th');
    expect(await customer.receives(1)).toMatch(/time/i);
    await customer.says('6pm, 123 Main St Sacramento');
    expect(await customer.receives(2)).toMatch(/name/i);
    await customer.says('My name is Jordan Rivera');
    expect(await customer.receives(3)).toMatch(/20 guests on .*Dec.* 20.* at 6:00 PM, at 123 Main St.*Shall I book it/);
    await customer.says('yes');
    await customer.receives(5);
    const [booked, terms] = [customer.texts().find((text) => text.startsWith("You're booked!"))!, customer.texts().find((text) => /please read our terms/.test(text))!];
    expect(booked).toMatch(/You're booked!.*read the booking terms I’m sending next and reply I AGREE/);
    expect(terms).toMatch(/to confirm your hibachi event on .*Dec 20 at 6:00 PM for 20 guests, please read our terms at http.*\/terms\/\S+ and reply I AGREE/);

    const pending = await bookingOf(customer.phone);
    expect(pending).toMatchObject({ status: 'PENDING_TERMS', sourceChannel: 'SMS', partySize: 20, startTime: '18:00', customer: { name: 'Jordan Rivera' } });
    // Sacramento is inside the default service area.
    expect(pending.travelQuote).toMatchObject({ estimate: true });
    expect(pending.travelQuote.miles).toBeLessThan(100);

    // The terms page the link points at shows the current terms.
    const page = await fetch(/(http\S+\/terms\/\S+)/.exec(terms)![1]);
    expect(page.status).toBe(200);

    await customer.says('I agree');
    const confirmation = await customer.receives(6);
    expect(confirmation).toMatch(/Your hibachi party is confirmed: .*December 20 at 6:00 PM, 123 Main St Sacramento, 20 adults\./);
    expect(confirmation).toMatch(/= \$1,2\d\d(\.\d\d)?\./);
    expect(confirmation).toMatch(/Deposit \$100/);
    const confirmed = await bookingOf(customer.phone);
    expect(confirmed.status).toBe('CONFIRMED');
    const [evidence] = await acknowledgmentsOf(confirmed.id);
    expect(evidence).toMatchObject({ channel: 'SMS', replyText: 'I agree', fromAddress: customer.phone, signatureVerified: true, providerMessageId: expect.stringMatching(/^scenario-/) });
    expect(evidence.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    // Nothing more is sent.
    expect(customer.texts()).toHaveLength(6);
  });
});

describe('1b. booking by SMS in Spanish', () => {
  it('asks for the terms in Spanish, re-prompts in Spanish, and "acepto" confirms it with a Spanish confirmation', async () => {
    const customer = texter('+19165550311');
    await customer.says('Hola, quiero reservar una fiesta de hibachi para 20 personas el 20 de diciembre');
    expect(await customer.receives(1)).toMatch(/^¿/);
    await customer.says('a las 6 de la tarde, 123 Main St Sacramento');
    expect(await customer.receives(2)).toBe('¿Me da su nombre para la reserva?');
    await customer.says('Me llamo Lucía Gómez, gracias');
    expect(await customer.receives(3)).toMatch(/^Esto es lo que tengo: 20 invitados el .* a las 6:00 p\. m\., en 123 Main St.*¿Hago la reserva\?/);
    await customer.says('sí');
    await customer.receives(5);
    const booked = customer.texts().find((text) => text.startsWith('¡Listo, reservado!'))!;
    const terms = customer.texts().find((text) => /lea nuestros términos/.test(text))!;
    expect(booked).toMatch(/lea los términos de la reserva que le envío a continuación y responda ACEPTO\.$/);
    expect(terms).toMatch(/: para confirmar su evento de hibachi del domingo 20 de diciembre a las 6:00 p\. m\. para 20 invitados, lea nuestros términos en http\S+\/terms\/\S+ y responda ACEPTO para aceptarlos\.$/);
    expect(await bookingOf(customer.phone)).toMatchObject({ status: 'PENDING_TERMS', startTime: '18:00', partySize: 20, customer: { name: 'Lucía Gómez' } });

    await customer.says('¿qué dicen los términos del depósito?');
    expect(await customer.receives(6)).toMatch(/^Para confirmar su reserva, responda ACEPTO para aceptar nuestros términos: http\S+, o NO si no está de acuerdo\.$/);

    await customer.says('acepto');
    const confirmation = await customer.receives(7);
    expect(confirmation).toMatch(/^Su fiesta de hibachi está confirmada: domingo 20 de diciembre a las 6:00 p\. m\., 123 Main St Sacramento, 20 adultos\. Referencia de la reserva HB-[0-9A-F]{6}\. /);
    expect(confirmation).toMatch(/Depósito \$100; saldo de \$1,2\d\d(\.\d\d)? a pagar el día del evento\. ¡Gracias por elegir .*!/);
    expect(confirmation).not.toMatch(/confirmed|Deposit|Pay the/);
    const confirmed = await bookingOf(customer.phone);
    expect(confirmed.status).toBe('CONFIRMED');
    const [evidence] = await acknowledgmentsOf(confirmed.id);
    expect(evidence).toMatchObject({ channel: 'SMS', replyText: 'acepto', fromAddress: customer.phone });
    // By text, the confirmation is the answer to "acepto": nothing more is sent.
    expect(customer.texts()).toHaveLength(7);
  });
});

describe('a party the assistant cannot book', () => {
  it('tells a customer outside the service area why, books nothing, and asks for another address', async () => {
    const customer = texter('+19165550309');
    await customer.says('Hibachi for 12 people on Dec 20th at 6pm at 500 S Grand Ave, Los Angeles, CA 90071. My name is Pat Lee');
    expect(await customer.receives(1)).toMatch(/Shall I book it/);
    await customer.says('yes');
    expect(await customer.receives(2)).toMatch(/^Service area exceeded\. Please contact us for special arrangements\./);
    expect(await bookingOf(customer.phone)).toBeNull();
    // The address is asked again; a nearer one books the party.
    await customer.says('OK, then 12 Oak St, Davis, CA 95616');
    expect(await customer.receives(3)).toMatch(/at 12 Oak St, Davis, CA 95616.*Shall I book it/);
    await customer.says('yes');
    await customer.receives(5);
    expect(await bookingOf(customer.phone)).toMatchObject({ status: 'PENDING_TERMS', address: '12 Oak St, Davis, CA 95616' });
  });
});

describe('2. booking by phone', () => {
  it('books from a call transcript, texts the terms, and the customer confirms them by SMS', async () => {
    const caller = texter('+19165550302');
    const transcript = 'Hi, this is Sam Carter. I would like to book a hibachi party for 15 people on December 20th at 6pm at 45 Oak Ave, Fremont CA 94538. Thanks!';
    const voicemail = app.rc.addVoicemail({ from: caller.phone, transcript });
    expect((await app.rc.deliver(app.rc.voicemailBody(voicemail), { event: VOICEMAIL_EVENT })).status).toBe(200);

    // Two texts, queued together (the send queue does not order them).
    await caller.receives(2);
    expect(caller.texts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Thanks for calling .*We've saved your hibachi party: 15 guests.*read the booking terms I’m sending next/),
        expect.stringMatching(/for 15 guests, please read our terms at .* and reply I AGREE/),
      ]),
    );
    expect(await bookingOf(caller.phone)).toMatchObject({ status: 'PENDING_TERMS', sourceChannel: 'PHONE', customer: { name: 'Sam Carter' } });

    await caller.says('Yes, I agree to the terms');
    expect(await caller.receives(3)).toMatch(/Your hibachi party is confirmed: .*45 Oak Ave, Fremont CA 94538, 15 adults/);
    const booking = await bookingOf(caller.phone);
    expect(booking.status).toBe('CONFIRMED');
    expect((await acknowledgmentsOf(booking.id))[0]).toMatchObject({ channel: 'SMS', replyText: 'Yes, I agree to the terms', fromAddress: caller.phone });
  });
});

describe('3. a misspelt acceptance', () => {
  it('reads "i agre" as acceptance, and an unclear answer first gets one re-prompt', async () => {
    const customer = texter('+19165550303');
    const made = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id status } userErrors { message } } }`,
      {
        input: {
          customer: { name: 'Riley Chen', phone: customer.phone },
          sourceChannel: 'SMS',
          eventDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
          startTime: '17:30',
          address: '9 Elm St, Davis, CA 95616',
          adults: 10,
          kids: 2,
        },
      },
      app.adminToken,
    );
    expect(made.data!.createBooking).toMatchObject({ userErrors: [], booking: { status: 'PENDING_TERMS' } });
    expect(await customer.receives(1)).toMatch(/reply I AGREE/);

    await customer.says('what is in the terms about the deposit?');
    expect(await customer.receives(2)).toMatch(/^To confirm your booking, please reply I AGREE to accept our terms: .*, or NO if you don't agree\.$/);
    expect((await bookingOf(customer.phone)).status).toBe('PENDING_TERMS');

    await customer.says('i agre');
    expect(await customer.receives(3)).toMatch(/Your hibachi party is confirmed: .*10 adults and 2 kids/);
    expect((await bookingOf(customer.phone)).status).toBe('CONFIRMED');
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM terms_invalid_reply r JOIN booking b ON b.id = r.booking_id JOIN customer c ON c.id = b.customer_id WHERE c.phone = $1`, [customer.phone]);
    expect(rows[0].n).toBe(1);
  });
});

describe('answers to the terms that are not an acceptance', () => {
  async function pendingBooking(phone: string): Promise<void> {
    const made = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { status } userErrors { message } } }`,
      {
        input: {
          customer: { name: 'Morgan Blake', phone },
          sourceChannel: 'SMS',
          eventDate: new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10),
          startTime: '18:00',
          address: '12 Oak St, Sacramento, CA 95814',
          adults: 12,
        },
      },
      app.adminToken,
    );
    expect(made.data!.createBooking).toMatchObject({ userErrors: [], booking: { status: 'PENDING_TERMS' } });
  }

  async function escalationReasonFor(phone: string): Promise<string | undefined> {
    const { rows } = await app.db.query(
      `SELECT e.reason FROM escalation e JOIN conversation c ON c.id = e.conversation_id WHERE c.channel_address = $1 AND e.status <> 'RESOLVED'`,
      [phone],
    );
    return rows[0]?.reason;
  }

  it('never reads a refusal that looks like a yes as acceptance: the booking waits and staff take it', async () => {
    const customer = texter('+19165550306');
    await pendingBooking(customer.phone);
    await customer.receives(1);
    await customer.says("yes but I don't agree to the cancellation fee");
    expect(await customer.receives(2)).toMatch(/We can only confirm a booking once its terms are accepted, so a member of our team will be in touch/);
    expect((await bookingOf(customer.phone)).status).toBe('PENDING_TERMS');
    expect(await escalationReasonFor(customer.phone)).toBe('TERMS_NOT_ACCEPTED');
    expect(await acknowledgmentsOf((await bookingOf(customer.phone)).id)).toEqual([]);
  });

  it('re-prompts once, then hands a second unclear answer to staff', async () => {
    const customer = texter('+19165550307');
    await pendingBooking(customer.phone);
    await customer.receives(1);
    await customer.says('maybe');
    expect(await customer.receives(2)).toMatch(/^To confirm your booking, please reply I AGREE/);
    expect(await escalationReasonFor(customer.phone)).toBeUndefined();
    await customer.says('hmm what about parking');
    expect(await customer.receives(3)).toMatch(/member of our team will be in touch/);
    expect(await escalationReasonFor(customer.phone)).toBe('TERMS_NOT_ACCEPTED');
    expect((await bookingOf(customer.phone)).status).toBe('PENDING_TERMS');
  });

  it('takes STOP as an opt-out, not as an answer to the terms', async () => {
    const customer = texter('+19165550308');
    await pendingBooking(customer.phone);
    await customer.receives(1);
    await customer.says('STOP');
    expect(await customer.receives(2)).toMatch(/unsubscribed|opted out|no more/i);
    expect((await bookingOf(customer.phone)).status).toBe('PENDING_TERMS');
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM terms_invalid_reply r JOIN booking b ON b.id = r.booking_id JOIN customer c ON c.id = b.customer_id WHERE c.phone = $1`, [customer.phone]);
    expect(rows[0].n).toBe(0);
  });
});

describe('4. asking for a person', () => {
  it('hands "This isn\'t working, I need a person" to staff with the whole history', async () => {
    const customer = texter('+19165550304');
    await customer.says('Hi, can you do a hibachi party for 12 people on Dec 20th?');
    await customer.receives(1);
    await customer.says("This isn't working, I need a person");
    expect(await customer.receives(2)).toMatch(/member of our team/);
    await eventually('the escalation', async () => (await app.db.query(`SELECT 1 FROM escalation e JOIN conversation c ON c.id = e.conversation_id WHERE c.channel_address = $1`, [customer.phone])).rowCount === 1);
    const queue = await graphql(
      app.server.url,
      `{ escalations(first: 20) { edges { node { reason handoff { lastCustomerMessage details { field value } } conversation { customer { phone } messages(first: 10) { edges { node { author text } } } } } } } }`,
      {},
      app.adminToken,
    );
    const escalation = queue.data!.escalations.edges.map((edge: any) => edge.node).find((node: any) => node.conversation.customer.phone === customer.phone);
    expect(escalation).toMatchObject({ reason: 'HUMAN_REQUEST', handoff: { lastCustomerMessage: "This isn't working, I need a person" } });
    expect(escalation.handoff.details).toEqual(expect.arrayContaining([{ field: 'partySize', value: '12' }]));
    expect(escalation.conversation.messages.edges.map((edge: any) => edge.node.author)).toEqual(['CUSTOMER', 'AI', 'CUSTOMER', 'AI']);
  });
});

describe('5. web chat', () => {
  const SEND = `mutation($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { reply { text } userErrors { message } } }`;
  let socket: { client: Client; closed: Promise<number> } | undefined;
  afterAll(() => socket?.client.dispose());

  it('prices "How much for 15 people?", books, asks for a phone, texts the terms, and the reply confirms it', async () => {
    // As the chat widget works: messages over HTTP, the answers pushed over graphql-ws.
    const started = await graphql(app.server.url, `mutation { startWebChatSession { sessionToken userErrors { message } } }`);
    const token = started.data!.startWebChatSession.sessionToken as string;
    socket = wsClient(app.server.url, undefined, { webChatSession: token });
    await connected(socket.client);
    const replies = subscribe(socket.client, `subscription($token: String!) { webChatReply(sessionToken: $token) { text author } }`, { token });
    await untilListening(app.server, 'WEB_CHAT_REPLY', { atLeast: 1 });
    const say = async (text: string): Promise<string> => {
      const response = await graphql(app.server.url, SEND, { token, text });
      expect(response.data!.sendWebChatMessage.userErrors).toEqual([]);
      const pushed = (await replies.next(10_000)).webChatReply;
      expect(pushed.text).toBe(response.data!.sendWebChatMessage.reply.text);
      return pushed.text as string;
    };
    expect(await say('How much for 15 people?')).toMatch(/For 15 guests it comes to about \$900/);
    await say('Saturday December 19th at 5pm');
    await say('88 Pine St, Oakland, CA 94612');
    expect(await say('My name is Casey Morgan')).toMatch(/phone number/i);
    expect(await say('(916) 555-0305')).toMatch(/Shall I book it/);
    expect(await say('yes please')).toMatch(/You're booked!.*texting our booking terms to your phone now/);

    const phone = texter('+19165550305');
    expect(await phone.receives(1)).toMatch(/for 15 guests, please read our terms at .* and reply I AGREE/);
    expect(await bookingOf(phone.phone)).toMatchObject({ status: 'PENDING_TERMS', sourceChannel: 'WEB_CHAT', customer: { name: 'Casey Morgan' } });
    await phone.says('I agree');
    expect(await phone.receives(2)).toMatch(/Your hibachi party is confirmed: .*88 Pine St, Oakland, CA 94612, 15 adults/);
    expect((await bookingOf(phone.phone)).status).toBe('CONFIRMED');
    expect(replies.errors).toEqual([]);
  });

  it('in Spanish: the terms texted to the phone are in Spanish, and "acepto" in the chat is answered in Spanish', async () => {
    const started = await graphql(app.server.url, `mutation { startWebChatSession { sessionToken userErrors { message } } }`);
    const token = started.data!.startWebChatSession.sessionToken as string;
    const say = async (text: string): Promise<string> => {
      const response = await graphql(app.server.url, SEND, { token, text });
      expect(response.data!.sendWebChatMessage.userErrors).toEqual([]);
      return response.data!.sendWebChatMessage.reply.text as string;
    };
    await say('Hola, quiero reservar una fiesta de hibachi para 15 personas el sábado 19 de diciembre a las 5 de la tarde');
    await say('La dirección es 88 Pine St, Oakland, CA 94612');
    expect(await say('Me llamo Casey Morgan, gracias')).toBe('¿A qué número de teléfono le enviamos los términos de la reserva?');
    expect(await say('(916) 555-0312')).toMatch(/^Esto es lo que tengo: 15 invitados .*¿Hago la reserva\?/);
    expect(await say('sí')).toMatch(/^¡Listo, reservado!.*responda ACEPTO a ese mensaje\.$/);

    // The SMS thread opened for the terms answers in the language the customer chose in the chat.
    const phone = texter('+19165550312');
    expect(await phone.receives(1)).toMatch(/: para confirmar su evento de hibachi del sábado 19 de diciembre a las 5:00 p\. m\. para 15 invitados, .* y responda ACEPTO para aceptarlos\.$/);
    expect(await say('acepto')).toBe('¡Gracias! Quedó registrada su aceptación de nuestros términos.');
    expect(await phone.receives(2)).toMatch(/^Su fiesta de hibachi está confirmada: sábado 19 de diciembre a las 5:00 p\. m\., 88 Pine St, Oakland, CA 94612, 15 adultos\./);
    expect((await bookingOf(phone.phone)).status).toBe('CONFIRMED');
  });
});
