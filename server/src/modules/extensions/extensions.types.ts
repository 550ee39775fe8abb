import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Extension } from './extension.entity';
import type { ExtensionChangeKind } from './extensions.events';

export const ExtensionConnection = connectionType(Extension, 'Extension');

@ObjectType()
export class ExtensionPayload extends MutationPayload {
  @Field(() => Extension, { nullable: true, description: 'The extension as saved; null when userErrors is not empty.' })
  extension?: Extension | null;
}

@ObjectType()
export class DeleteExtensionPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the deleted extension; null when userErrors is not empty.' })
  deletedExtensionId?: string | null;
}

export enum ExtensionChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(ExtensionChange, { name: 'ExtensionChange' });

@ObjectType({ description: 'An extension was created, changed or deleted, by any staff member on any server instance.' })
export class ExtensionUpdatedEvent {
  @Field(() => ExtensionChange)
  change!: ExtensionChangeKind;

  @Field(() => Extension, { description: 'The extension after the change; for DELETED, its last state.' })
  extension!: Extension;

  @Field(() => Date)
  occurredAt!: Date;
}
