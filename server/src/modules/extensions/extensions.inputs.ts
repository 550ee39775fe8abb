import { ArrayMaxSize, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { ExtensionStatus } from './extension.entity';
import { MAX_RANGES_PER_WEEK, Weekday } from './working-hours';

const NOT_BLANK = /\S/;
const LIMITS = FORM_LIMITS.extension;

/** What people type: "+1 (916) 555-0100"; the service stores it as E.164, "+19165550100". */
export const normaliseExtensionPhone = (phone: string): string => phone.replace(/[\s().-]/g, '');
const E164 = /^\+[1-9]\d{7,14}$/;

const NUMBER_MESSAGE = `Number: enter the extension number as digits from ${LIMITS.number.min} to ${LIMITS.number.max}, for example 101.`;
const PHONE_MESSAGE = 'Phone: enter the phone number with country code, for example +1 916 555 0100.';
const NAME_BLANK = 'Employee name: enter the name of the person who answers this extension, for example Maria Lopez.';
const NAME_TOO_LONG = `Employee name: use at most ${LIMITS.employeeName.maxLength} characters.`;
const ROLE_BLANK = 'Role: enter a role or department, for example Bookings.';
const ROLE_TOO_LONG = `Role: use at most ${LIMITS.role.maxLength} characters.`;
const HOURS_TOO_MANY = `Working hours: use at most ${MAX_RANGES_PER_WEEK} time ranges per week.`;

/** An international phone number as people write it, with or without spaces and punctuation. */
function IsInternationalPhone(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInternationalPhone',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= LIMITS.phone.maxLength && E164.test(normaliseExtensionPhone(value)),
      },
    },
    options,
  );
}

@InputType()
export class WorkingHoursRangeInput {
  @Field(() => Weekday)
  day!: Weekday;

  @Field(() => String, { description: 'HH:MM, 24-hour clock.' })
  start!: string;

  @Field(() => String, { description: 'HH:MM after start; 24:00 for until midnight.' })
  end!: string;
}

/**
 * The create and update inputs are checked by the service (`inputErrors`) together with the
 * rules that need the database, so a form gets every problem back at once.
 */
@InputType()
export class CreateExtensionInput {
  @Field(() => Int)
  @IsInt({ message: NUMBER_MESSAGE })
  @Min(LIMITS.number.min, { message: NUMBER_MESSAGE })
  @Max(LIMITS.number.max, { message: NUMBER_MESSAGE })
  number!: number;

  @Field(() => String)
  @Matches(NOT_BLANK, { message: NAME_BLANK })
  @MaxLength(LIMITS.employeeName.maxLength, { message: NAME_TOO_LONG })
  employeeName!: string;

  @Field(() => String)
  @Matches(NOT_BLANK, { message: ROLE_BLANK })
  @MaxLength(LIMITS.role.maxLength, { message: ROLE_TOO_LONG })
  role!: string;

  @Field(() => String, { description: 'With country code; spaces, dashes and parentheses are ignored, e.g. "+1 916 555 0100".' })
  @IsInternationalPhone({ message: PHONE_MESSAGE })
  phone!: string;

  @Field(() => ExtensionStatus, { nullable: true, defaultValue: ExtensionStatus.OFFLINE })
  status?: ExtensionStatus;

  @Field(() => [WorkingHoursRangeInput], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(MAX_RANGES_PER_WEEK, { message: HOURS_TOO_MANY })
  workingHours?: WorkingHoursRangeInput[];

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Make this the primary escalation extension. Refused while another is primary: use setPrimaryEscalationExtension to move it.',
  })
  isPrimaryEscalation?: boolean;

  @Field(() => ID, { nullable: true, description: 'The staff user who works this extension and may set its status.' })
  staffUserId?: string | null;
}

@InputType({ description: 'Only the fields given are changed.' })
export class UpdateExtensionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: NUMBER_MESSAGE })
  @Min(LIMITS.number.min, { message: NUMBER_MESSAGE })
  @Max(LIMITS.number.max, { message: NUMBER_MESSAGE })
  number?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NOT_BLANK, { message: NAME_BLANK })
  @MaxLength(LIMITS.employeeName.maxLength, { message: NAME_TOO_LONG })
  employeeName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NOT_BLANK, { message: ROLE_BLANK })
  @MaxLength(LIMITS.role.maxLength, { message: ROLE_TOO_LONG })
  role?: string;

  @Field(() => String, { nullable: true, description: 'With country code; spaces, dashes and parentheses are ignored.' })
  @IsOptional()
  @IsInternationalPhone({ message: PHONE_MESSAGE })
  phone?: string;

  @Field(() => ExtensionStatus, { nullable: true })
  status?: ExtensionStatus;

  @Field(() => [WorkingHoursRangeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RANGES_PER_WEEK, { message: HOURS_TOO_MANY })
  workingHours?: WorkingHoursRangeInput[];

  @Field(() => Boolean, { nullable: true, description: 'Only true is accepted while no other extension is primary; see setPrimaryEscalationExtension.' })
  isPrimaryEscalation?: boolean;

  @Field(() => ID, { nullable: true, description: 'Link a staff user; pass null to unlink.' })
  staffUserId?: string | null;
}

@ArgsType()
export class ExtensionsArgs extends ConnectionArgs {
  @Field(() => ExtensionStatus, { nullable: true, description: 'Only extensions with this status.' })
  status?: ExtensionStatus;
}
