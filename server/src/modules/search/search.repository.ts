import type { DataSource } from 'typeorm';
import { RepositoryBase } from '../../shared/db/unit-of-work';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Customer } from '../customers/customer.entity';
import type { SearchTerms } from './search-terms';

/**
 * PostgreSQL full-text search over customers (name, email), threads (the details the assistant
 * gathered: name, address, notes) and messages, on the generated tsvector columns and their
 * GIN indexes, plus phone digits. One statement per group, whatever the number of results.
 */
export class SearchRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** The condition "this customer (alias c) matches": by name or email words, or phone digits. */
  private static customerMatches(alias: string): string {
    return `(${alias}.search_vector @@ websearch_to_tsquery('simple', :text)
      OR (:prefix <> '' AND ${alias}.search_vector @@ to_tsquery('simple', :prefix))
      OR (:digits <> '' AND (${alias}.phone LIKE '%' || :digits || '%'
        OR EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = ${alias}.id AND i.kind = 'PHONE' AND i.value LIKE '%' || :digits || '%'))))`;
  }

  private static params(terms: SearchTerms, limit: number) {
    return { text: terms.text, prefix: terms.prefixQuery, digits: terms.phoneDigits, limit };
  }

  customers(terms: SearchTerms, limit: number): Promise<Customer[]> {
    return this.manager()
      .createQueryBuilder(Customer, 'customer')
      .where(`customer.merged_into_id IS NULL AND ${SearchRepository.customerMatches('customer')}`)
      .orderBy(`ts_rank(customer.search_vector, websearch_to_tsquery('simple', :text))`, 'DESC')
      .addOrderBy('customer.updated_at', 'DESC')
      .setParameters(SearchRepository.params(terms, limit))
      .limit(limit)
      .getMany();
  }

  /** Threads whose gathered details or whose customer match, newest activity first. */
  conversations(terms: SearchTerms, limit: number): Promise<Conversation[]> {
    return this.manager()
      .createQueryBuilder(Conversation, 'conversation')
      .innerJoin(Customer, 'owner', 'owner.id = conversation.customer_id')
      .where(
        `(conversation.search_vector @@ websearch_to_tsquery('simple', :text)
          OR (:prefix <> '' AND conversation.search_vector @@ to_tsquery('simple', :prefix))
          OR ${SearchRepository.customerMatches('owner')})`,
      )
      .orderBy('conversation.last_message_at', 'DESC')
      .addOrderBy('conversation.id', 'DESC')
      .setParameters(SearchRepository.params(terms, limit))
      .limit(limit)
      .getMany();
  }

  /** Messages whose words match (English stemming: "booking" finds "booked"), best match first, each with an excerpt around the words. */
  async messages(terms: SearchTerms, limit: number): Promise<Array<{ message: Message; snippet: string }>> {
    const { entities, raw } = await this.manager()
      .createQueryBuilder(Message, 'message')
      .addSelect(`ts_headline('english', message.text, websearch_to_tsquery('english', :text), 'StartSel="",StopSel="",MaxWords=30,MinWords=12,ShortWord=2')`, 'snippet')
      .where(`message.search_vector @@ websearch_to_tsquery('english', :text)`)
      .orderBy(`ts_rank(message.search_vector, websearch_to_tsquery('english', :text))`, 'DESC')
      .addOrderBy('message.created_at', 'DESC')
      .setParameters(SearchRepository.params(terms, limit))
      .limit(limit)
      .getRawAndEntities<{ snippet: string }>();
    return entities.map((message, index) => ({ message, snippet: raw[index].snippet }));
  }
}
