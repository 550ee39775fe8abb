import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { ExtensionStatus } from './extension.entity';
import { MAX_RANGES_PER_WEEK, Weekday } from './working-hours';

const E164 = /^\+[1-9]\d{7,14}$/;
const NOT_BLANK = /\S/;
const E164_MESSAGE = 'phone must be in international E.164 form, e.g. +15555550123';

@InputType()
export class WorkingHoursRangeInput {
  @Field(() => Weekday)
  day!: Weekday;

  @Field(() => String, { description: 'HH:MM, 24-hour clock.' })
  start!: string;

  @Field(() => String, { description: 'HH:MM after start; 24:00 for until midnight.' })
  end!: string;
}

@InputType()
export class CreateExtensionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'number must be from 1 to 99999' })
  @Max(99999, { message: 'number must be from 1 to 99999' })
  number!: number;

  @Field(() => String)
  @Matches(NOT_BLANK, { message: 'employeeName must not be blank' })
  @MaxLength(100, { message: 'employeeName must be at most 100 characters' })
  employeeName!: string;

  @Field(() => String)
  @Matches(NOT_BLANK, { message: 'role must not be blank' })
  @MaxLength(100, { message: 'role must be at most 100 characters' })
  role!: string;

  @Field(() => String)
  @Matches(E164, { message: E164_MESSAGE })
  phone!: string;

  @Field(() => ExtensionStatus, { nullable: true, defaultValue: ExtensionStatus.OFFLINE })
  status?: ExtensionStatus;

  @Field(() => [WorkingHoursRangeInput], { nullable: true, defaultValue: [] })
  @ArrayMaxSize(MAX_RANGES_PER_WEEK, { message: `workingHours may hold at most ${MAX_RANGES_PER_WEEK} ranges` })
  @ValidateNested({ each: true })
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
  @IsInt()
  @Min(1, { message: 'number must be from 1 to 99999' })
  @Max(99999, { message: 'number must be from 1 to 99999' })
  number?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NOT_BLANK, { message: 'employeeName must not be blank' })
  @MaxLength(100, { message: 'employeeName must be at most 100 characters' })
  employeeName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NOT_BLANK, { message: 'role must not be blank' })
  @MaxLength(100, { message: 'role must be at most 100 characters' })
  role?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(E164, { message: E164_MESSAGE })
  phone?: string;

  @Field(() => ExtensionStatus, { nullable: true })
  status?: ExtensionStatus;

  @Field(() => [WorkingHoursRangeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RANGES_PER_WEEK, { message: `workingHours may hold at most ${MAX_RANGES_PER_WEEK} ranges` })
  @ValidateNested({ each: true })
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
