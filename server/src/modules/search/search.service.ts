import type { Conversation } from '../conversations/conversation.entity';
import type { Message } from '../conversations/message.entity';
import type { Customer } from '../customers/customer.entity';
import { readSearchTerms } from './search-terms';
import type { SearchRepository } from './search.repository';

export interface FoundMessage {
  message: Message;
  snippet: string;
}

/** Search across customers, threads and messages: the three groups are read at once, one statement each. */
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(query: string, first: number): Promise<{ query: string; customers: Customer[]; conversations: Conversation[]; messages: FoundMessage[] }> {
    const terms = readSearchTerms(query);
    if (terms.text === '') return { query: '', customers: [], conversations: [], messages: [] };
    // One after another: three statements either way, and a page's requests share the pool.
    const customers = await this.repository.customers(terms, first);
    const conversations = await this.repository.conversations(terms, first);
    const messages = await this.repository.messages(terms, first);
    return { query: terms.text, customers, conversations, messages };
  }
}
