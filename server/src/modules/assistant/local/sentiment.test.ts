import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment';

describe('scoreSentiment', () => {
  it.each([
    'This is ridiculous, worst service ever',
    'this is ridiculous, worst service ever. get me a person',
    'Unacceptable. Your chef was late and rude.',
    'I HATE this, what a joke 😡',
    'Absolutely terrible experience, never again!!',
  ])('strongly negative (<= -0.6): %s', (text) => {
    expect(scoreSentiment(text)).toBeLessThanOrEqual(-0.6);
  });

  it.each(['Thank you so much, the kids loved it! 😍', 'Awesome, sounds great!', 'You guys are amazing'])('positive (> 0.5): %s', (text) => {
    expect(scoreSentiment(text)).toBeGreaterThan(0.5);
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
