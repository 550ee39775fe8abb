import { ArrayMinSize, ArrayUnique, IsEmail, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import { ApiScope } from '../../shared/auth/scopes';
import { StaffRole } from '../../shared/auth/roles';

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Email: enter the email address you sign in with, for example name@example.com.' })
  @MaxLength(FORM_LIMITS.signIn.email.maxLength, { message: `Email: use at most ${FORM_LIMITS.signIn.email.maxLength} characters.` })
  email!: string;

  @Field(() => String)
  @MinLength(1, { message: 'Password: enter your password.' })
  @MaxLength(FORM_LIMITS.signIn.password.maxLength, { message: `Password: use at most ${FORM_LIMITS.signIn.password.maxLength} characters.` })
  password!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Who or what uses the key, e.g. "Website booking form".' })
  @MinLength(1, { message: 'Name: say who or what uses the key, for example Website booking form.' })
  @MaxLength(100, { message: 'Name: use at most 100 characters.' })
  name!: string;

  @Field(() => [ApiScope])
  @ArrayMinSize(1, { message: 'Scopes: choose at least one scope.' })
  @ArrayUnique({ message: 'Scopes: choose each scope once.' })
  scopes!: ApiScope[];
}

const STAFF = FORM_LIMITS.staffUser;
const EMAIL_MESSAGE = 'Email: enter the address they sign in with, for example sam@example.com.';
const NAME_BLANK = 'Name: enter the name colleagues and customers see, for example Sam Lee.';
const NAME_TOO_LONG = `Name: use at most ${STAFF.displayName.maxLength} characters.`;
const PASSWORD_SHORT = `Password: use at least ${STAFF.password.minLength} characters; a few words together is easy to remember.`;
const PASSWORD_LONG = `Password: use at most ${STAFF.password.maxLength} characters.`;

@InputType()
export class CreateStaffUserInput {
  @Field(() => String)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(STAFF.email.maxLength, { message: `Email: use at most ${STAFF.email.maxLength} characters.` })
  email!: string;

  @Field(() => String)
  @Matches(/\S/, { message: NAME_BLANK })
  @MaxLength(STAFF.displayName.maxLength, { message: NAME_TOO_LONG })
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description: `At least ${STAFF.password.minLength} characters. Leave out to invite: the payload then carries a one-time link where they set their own.`,
  })
  @IsOptional()
  @MinLength(STAFF.password.minLength, { message: PASSWORD_SHORT })
  @MaxLength(STAFF.password.maxLength, { message: PASSWORD_LONG })
  password?: string | null;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field(() => ID, { nullable: true, description: 'The extension they answer: their presence sets its availability.' })
  extensionId?: string | null;
}

@InputType({ description: 'Only the fields given are changed.' })
export class UpdateStaffUserInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/\S/, { message: NAME_BLANK })
  @MaxLength(STAFF.displayName.maxLength, { message: NAME_TOO_LONG })
  displayName?: string;

  @Field(() => StaffRole, { nullable: true })
  role?: StaffRole;

  @Field(() => ID, { nullable: true, description: 'Link this extension; null unlinks the one they have. Left out: unchanged.' })
  extensionId?: string | null;
}

@InputType()
export class SetPasswordWithLinkInput {
  @Field(() => String, { description: 'The token from the one-time link.' })
  @MaxLength(200, { message: 'This link is not valid. Ask an administrator for a new one.' })
  token!: string;

  @Field(() => String)
  @MinLength(STAFF.password.minLength, { message: PASSWORD_SHORT })
  @MaxLength(STAFF.password.maxLength, { message: PASSWORD_LONG })
  password!: string;
}

@ArgsType()
export class StaffUsersArgs extends ConnectionArgs {}
