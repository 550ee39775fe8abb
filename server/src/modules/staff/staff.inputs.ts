import { ArrayMinSize, ArrayUnique, IsEmail, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
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

@InputType()
export class CreateStaffUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;

  @Field(() => String)
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(100, { message: 'displayName must be at most 100 characters' })
  displayName!: string;

  @Field(() => String, { description: 'At least 12 characters.' })
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(1024, { message: 'password must be at most 1024 characters' })
  password!: string;

  @Field(() => StaffRole)
  role!: StaffRole;
}
