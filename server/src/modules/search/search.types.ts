import { Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Customer } from '../customers/customer.entity';
import { MAX_SEARCH_LENGTH } from './search-terms';

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: 'Words (websearch syntax: "a phrase", or, -word), part of a name, or a phone number in any format.' })
  @MaxLength(MAX_SEARCH_LENGTH, { message: `Search: enter at most ${MAX_SEARCH_LENGTH} characters.` })
  query!: string;

  @Field(() => Int, { defaultValue: 10, description: 'The most results of each group (1 to 50).' })
  @Min(1)
  @Max(50)
  first!: number;
}

@ObjectType({ description: 'A message whose words match, with the excerpt around them.' })
export class MessageSearchHit {
  @Field(() => Message)
  message!: Message;

  @Field(() => Conversation)
  conversation!: Conversation;

  @Field(() => String, { description: 'The part of the message around the matching words (plain text).' })
  snippet!: string;
}

@ObjectType({ description: 'What a search found, grouped: customers, threads and messages.' })
export class SearchResults {
  @Field(() => String, { description: 'The query as it was searched (trimmed).' })
  query!: string;

  @Field(() => [Customer], { description: 'Customers by name or email words (a word may be the start of one), or by phone digits. Merged records are left out.' })
  customers!: Customer[];

  @Field(() => [Conversation], { description: 'Threads whose gathered details (name, address, notes) or whose customer match, newest activity first.' })
  conversations!: Conversation[];

  @Field(() => [MessageSearchHit], { description: 'Messages whose words match (English stemming), best match first.' })
  messages!: MessageSearchHit[];
}
