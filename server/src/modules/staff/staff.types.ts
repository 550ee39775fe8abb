import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
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

export const StaffUserConnection = connectionType(StaffUser, 'StaffUser');

@ObjectType({ description: 'A one-time link where a person sets their password. Shown once: only its hash is stored.' })
export class StaffPasswordLinkInfo {
  @Field(() => String, { description: 'Path and fragment to append to the console address, e.g. "/#/set-password/hbp_...".' })
  path!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType()
export class CreateStaffUserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  staffUser?: StaffUser | null;

  @Field(() => StaffPasswordLinkInfo, { nullable: true, description: 'When invited without a password: the link to give them.' })
  passwordLink?: StaffPasswordLinkInfo | null;
}

@ObjectType()
export class StaffUserPayload extends MutationPayload {
  @Field(() => StaffUser, { nullable: true })
  staffUser?: StaffUser | null;
}

@ObjectType()
export class StaffPasswordLinkPayload extends MutationPayload {
  @Field(() => StaffPasswordLinkInfo, { nullable: true })
  passwordLink?: StaffPasswordLinkInfo | null;
}

@ObjectType()
export class SetPasswordWithLinkPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'The email to sign in with, now that the password is set.' })
  email?: string | null;
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
