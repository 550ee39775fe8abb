import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment';

describe('scoreSentiment', () => {
  it.each([
    'This is ridiculous, worst service ever',
    'this is ridiculous, worst service ever. get me a person',
    'Unacceptable. Your chef was late and rude.',
    'I HATE this, what a joke 😡',
    'Absolutely terrible experience, never again!!',
    // Angry without many angry words: capitals, profanity, repeated attempts, threats.
    'WHY IS NOBODY ANSWERING MY MESSAGES',
    'CANCEL. NOW. WHY IS THIS SO HARD???',
    'fucking cancel it already',
    'third time asking: can a manager call me?',
    "I've texted this number 4 times with no answer",
    "I'm going to leave a 1 star review if nobody calls",
    'Refund my deposit or I am filing a chargeback',
    'Change our date or I am disputing the deposit with my bank',
    'I TOLD YOU the time is 7pm not 6pm',
    'Pésimo servicio, esto es una estafa',
    'Es la tercera vez que les escribo y nadie contesta',
    // Complaints about the assistant or about being ignored, and short shouts.
    'you keep giving me the same answer',
    'you people charged me twice and nobody cares',
    'ok this is getting annoying',
    'WHERE IS MY CONFIRMATION',
    'esto es una falta de respeto',
    'siempre me da la misma respuesta',
  ])('strongly negative (<= -0.6): %s', (text) => {
    expect(scoreSentiment(text)).toBeLessThanOrEqual(-0.6);
  });

  it.each(['Thank you so much, the kids loved it! 😍', 'Awesome, sounds great!', 'You guys are amazing'])('positive (> 0.5): %s', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(0.5);
  });

  it.each([
    'Honestly a bit disappointed the shrimp portion was small last time. Just feedback.',
    'The chef was about 15 minutes late. Not a big deal, food was great.',
    'I was a little disappointed there were no noodles, but otherwise great.',
    'THANK YOU SO MUCH',
    'Can you send the same message to my husband?',
    'DEC 20 OK',
  ])('mild or polite, above the cut-off: %s', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(-0.6);
  });

  it.each(['Party of 12 on Dec 20 at 6pm', '45 Oak Avenue', 'HI I WANT TO BOOK A HIBACHI CHEF FOR 20 PEOPLE', 'Kind regards, Priya'])(
    'neutral: %s',
    (text) => {
      expect(scoreSentiment(text)).toBe(0);
    },
  );

  it('flips and damps a negated word', () => {
    expect(scoreSentiment('I am happy')).toBeGreaterThan(0);
    expect(scoreSentiment('I am not happy')).toBeLessThan(0);
    expect(Math.abs(scoreSentiment('I am not happy'))).toBeLessThan(scoreSentiment('I am happy'));
  });

  it('strengthens a word after an intensifier, in capitals, or with exclamation marks', () => {
    const plain = scoreSentiment('disappointed');
    expect(scoreSentiment('really disappointed')).toBeLessThan(plain);
    expect(scoreSentiment('so DISAPPOINTED with this')).toBeLessThan(scoreSentiment('so disappointed with this'));
    expect(scoreSentiment('disappointed!!!')).toBeLessThan(plain);
  });

  it('stays within -1..1', () => {
    const furious = 'worst worst worst terrible horrible awful disgusting pathetic scam '.repeat(5);
    expect(scoreSentiment(furious)).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment(furious)).toBeLessThan(-0.95);
  });
});
