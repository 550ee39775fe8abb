/** What a search box's text asks for, read once for every part of the search. */
export interface SearchTerms {
  /** As typed, for websearch_to_tsquery: "quoted phrases", or, -excluded words. */
  text: string;
  /** Every word as a prefix, for names and addresses being typed ("Dan Rey" finds Dana Reyes): a to_tsquery of letters and digits only. */
  prefixQuery: string;
  /** The digits of a phone number when the text is one (at least four digits and no letters), else ''. */
  phoneDigits: string;
}

export const MAX_SEARCH_LENGTH = 200;

export function readSearchTerms(input: string): SearchTerms {
  const text = input.trim().slice(0, MAX_SEARCH_LENGTH);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixQuery = words.map((word) => `${word}:*`).join(' & ');
  const digits = text.replace(/\D/g, '');
  const looksLikePhone = !/\p{L}/u.test(text) && digits.length >= 4;
  // A number typed with the country code (+1 916...) or without (916...) finds the stored E.164 either way.
  const phoneDigits = looksLikePhone ? (digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits) : '';
  return { text, prefixQuery, phoneDigits };
}
