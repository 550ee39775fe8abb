import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { ConversationNote } from './conversation-note.entity';

@ObjectType()
export class AddConversationNotePayload extends MutationPayload {
  @Field(() => ConversationNote, { nullable: true })
  note?: ConversationNote | null;
}
