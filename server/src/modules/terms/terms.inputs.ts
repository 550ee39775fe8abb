import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { TermsChannel } from './terms-acknowledgment.entity';

@InputType()
export class PublishTermsVersionInput {
  @Field(() => String, { description: 'e.g. "Booking terms and conditions".' })
  @MaxLength(FORM_LIMITS.terms.title.maxLength, { message: `Title: use at most ${FORM_LIMITS.terms.title.maxLength} characters.` })
  title!: string;

  @Field(() => String, { description: 'The full text. Line endings become \\n and outer spaces are trimmed; the hash is of the text as stored.' })
  @MaxLength(FORM_LIMITS.terms.text.maxLength, { message: 'Text: use at most 100,000 characters.' })
  text!: string;
}

@InputType()
export class RecordTermsAcknowledgmentInput {
  @Field(() => ID)
  bookingId!: string;

  @Field(() => TermsChannel, { description: 'WEB stores the caller’s IP address and user agent as the customer’s.' })
  channel!: TermsChannel;

  @Field(() => String, { nullable: true, description: 'The customer’s words exactly; required for SMS, WHATSAPP, AI_CHAT and EMAIL.' })
  @MaxLength(FORM_LIMITS.terms.replyText.maxLength, { message: 'What the customer said: use at most 2,000 characters.' })
  replyText?: string | null;
}

@ArgsType()
export class TermsAcknowledgmentsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only this booking’s acknowledgment.' })
  bookingId?: string;
}
