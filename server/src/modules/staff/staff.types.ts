import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { ApiKey } from './api-key.entity';
import { StaffUser } from './staff-user.entity';

@ObjectType()
export class LoginPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Send as Authorization: Bearer <token>, and in graphql-ws connectionParams.authorization.' })
  token?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => StaffUser, { nullable: true })
  staffUser?: StaffUser | null;
}

@ObjectType()
export class CreateApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;

  @Field(() => String, { nullable: true, description: 'The key itself. Shown only this once: store it now.' })
  secret?: string | null;
}

@ObjectType()
export class LogoutPayload extends MutationPayload {
  @Field(() => Boolean)
  ok!: boolean;
}

@ObjectType()
export class CreateStaffUserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  staffUser?: StaffUser | null;
}

@ObjectType()
export class RevokeApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey?: ApiKey | null;
}

@ObjectType()
export class SetStaffUserActivePayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  staffUser?: StaffUser | null;
}
