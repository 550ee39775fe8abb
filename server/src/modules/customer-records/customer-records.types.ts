import { IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/graphql/global-id';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Customer, IdentityKind, type CustomerMerge } from '../customers/customer.entity';

@InputType()
export class MergeCustomersInput {
  @Field(() => ID, { description: 'The record that stays: it keeps its id, and its name, phone and email where it has them.' })
  survivingCustomerId!: string;

  @Field(() => ID, { description: 'The record merged into it: its identities, threads and bookings move; it remains, marked merged, for the evidence that names it.' })
  mergedCustomerId!: string;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => String, { description: "The customer's name as they gave it (up to 120 characters)." })
  @IsString()
  @MaxLength(120, { message: "Name: enter at most 120 characters (the customer's first and last name)." })
  name!: string;
}

@ObjectType({ description: 'An identity a merge moved to the surviving customer.' })
export class MovedIdentity {
  @Field(() => IdentityKind)
  kind!: IdentityKind;

  @Field(() => String, { description: 'As CustomerIdentity.display shows it.' })
  display!: string;
}

/** The audit entry of a merge, as staff read it. */
@ObjectType({ description: 'Who merged which customer record into which, when, and what moved.' })
export class CustomerMergeEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  survivingCustomerId!: string;

  @Field(() => ID)
  mergedCustomerId!: string;

  @Field(() => String, { nullable: true, description: 'The merged record’s name when it was merged.' })
  mergedName!: string | null;

  @Field(() => String, { nullable: true })
  mergedPhone!: string | null;

  @Field(() => String, { nullable: true })
  mergedEmail!: string | null;

  @Field(() => Date)
  mergedAt!: Date;

  @Field(() => Boolean, { description: 'Merged by an integrator’s API key rather than a staff member.' })
  byApiKey!: boolean;

  @Field(() => [MovedIdentity])
  movedIdentities!: MovedIdentity[];

  @Field(() => [ID], { description: 'Threads that moved (Conversation ids).' })
  movedConversationIds!: string[];

  @Field(() => [ID], { description: 'Bookings that moved (Booking ids).' })
  movedBookingIds!: string[];

  @Field(() => [String], { description: 'Fields the surviving record lacked and took from the merged one: name, phone, email.' })
  filledFields!: string[];

  /** Who merged, for the mergedBy field. */
  staffUserId!: string | null;
}

export function mergeEntry(merge: CustomerMerge): CustomerMergeEntry {
  return Object.assign(new CustomerMergeEntry(), {
    id: toGlobalId('CustomerMerge', merge.id),
    survivingCustomerId: toGlobalId('Customer', merge.survivingCustomerId),
    mergedCustomerId: toGlobalId('Customer', merge.mergedCustomerId),
    mergedName: merge.mergedCustomer.name,
    mergedPhone: merge.mergedCustomer.phone,
    mergedEmail: merge.mergedCustomer.email,
    mergedAt: merge.mergedAt,
    byApiKey: merge.apiKeyId !== null,
    movedIdentities: merge.moved.identities.map(({ kind, value }) => ({ kind, display: kind === IdentityKind.WEB_SESSION ? `Web chat visitor ${value.slice(0, 8)}` : value })),
    movedConversationIds: merge.moved.conversationIds.map((id) => toGlobalId('Conversation', id)),
    movedBookingIds: merge.moved.bookingIds.map((id) => toGlobalId('Booking', id)),
    filledFields: merge.moved.filledFields,
    staffUserId: merge.staffUserId,
  });
}

@ObjectType()
export class MergeCustomersPayload extends MutationPayload {
  @Field(() => Customer, { nullable: true, description: 'The surviving customer, with everything moved onto it.' })
  customer!: Customer | null;

  @Field(() => CustomerMergeEntry, { nullable: true, description: 'The audit entry of this merge.' })
  merge!: CustomerMergeEntry | null;
}

@ObjectType()
export class CustomerPayload extends MutationPayload {
  @Field(() => Customer, { nullable: true })
  customer!: Customer | null;
}

@ObjectType({ description: 'A customer record changed: a name, phone or email became known, or another record was merged into it.' })
export class CustomerUpdatedEvent {
  @Field(() => Customer)
  customer!: Customer;

  @Field(() => [ID], { description: 'Threads that belong to this customer now, having belonged to another record: every view of them shows this customer.' })
  conversationIds!: string[];

  @Field(() => [Customer], { description: 'Records merged into this customer by this change.' })
  mergedCustomers!: Customer[];
}
