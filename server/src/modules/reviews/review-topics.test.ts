import { describe, expect, it } from 'vitest';
import { extractTopics, topicPhrase } from './review-topics';

describe('extractTopics', () => {
  it.each([
    ['The food was amazing and the chef put on a great show!', ['food', 'chef', 'show'], []],
    ['Delicious steak, but the chef arrived an hour late.', ['food'], ['chef', 'punctuality']],
    ['Great fun, though a bit expensive for what we got.', ['show'], ['price']],
    ['Fantastic show. The food was cold and bland.', ['show'], ['food']],
    ['They left a mess in our backyard', [], ['cleanliness']],
    ['Everything was on time and the staff were so friendly', ['punctuality', 'service'], []],
  ])('%s', (comment, praised, raised) => {
    const topics = extractTopics(comment);
    expect([...topics.praised].sort()).toEqual([...praised].sort());
    expect([...topics.raised].sort()).toEqual([...raised].sort());
  });

  it('finds nothing in no words', () => {
    expect(extractTopics(null)).toEqual({ praised: [], raised: [] });
  });
});

describe('topicPhrase', () => {
  it('joins up to three topics the way a person writes them', () => {
    expect(topicPhrase(['food'], 'x')).toBe('the food');
    expect(topicPhrase(['food', 'show'], 'x')).toBe('the food and the show');
    expect(topicPhrase(['food', 'show', 'chef', 'price'], 'x')).toBe('the food, the show and your chef');
    expect(topicPhrase([], 'your evening')).toBe('your evening');
  });
});
