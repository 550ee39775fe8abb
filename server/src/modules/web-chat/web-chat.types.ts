import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Message } from '../conversations/message.entity';

@ObjectType()
export class StartWebChatPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Keep it in the browser: it is the key to this chat. Send it with every message and in graphql-ws connectionParams.webChatSession.' })
  sessionToken?: string | null;
}

@ObjectType()
export class SendWebChatMessagePayload extends MutationPayload {
  @Field(() => Message, { nullable: true, description: 'The customer’s message as stored.' })
  message?: Message | null;

  @Field(() => Message, { nullable: true, description: 'The assistant’s answer, when it answers (also sent on webChatReply).' })
  reply?: Message | null;
}
