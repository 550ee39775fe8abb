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

@ObjectType({ description: 'What the chat window shows before anything is said: who the customer is talking to and whether someone is there.' })
export class WebChatWelcome {
  @Field(() => String)
  businessName!: string;

  @Field(() => Boolean, { description: 'Someone on the team works now (any extension within its working hours).' })
  open!: boolean;

  @Field(() => Date, { nullable: true, description: 'When someone next works, while closed.' })
  opensAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The after-hours sentence to show, saying when someone will answer; null while open.' })
  afterHoursNotice!: string | null;
}
