import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import type { Connection } from '../../shared/graphql/connection';
import { toGlobalId } from '../../shared/graphql/global-id';
import { ExtensionTopic } from './extensions.events';
import { Extension, ExtensionStatus } from './extension.entity';
import type { ExtensionUpdatedPayload } from './extensions.events';
import { CreateExtensionInput, ExtensionsArgs, UpdateExtensionInput } from './extensions.inputs';
import { fromSnapshot, type ExtensionsService } from './extensions.service';
import { DeleteExtensionPayload, ExtensionConnection, ExtensionPayload, ExtensionUpdatedEvent } from './extensions.types';

@Resolver(() => Extension)
export class ExtensionsResolver {
  constructor(private readonly service: ExtensionsService) {}

  @Query(() => ExtensionConnection, { description: 'Extensions ordered by number.' })
  @StaffOnly(ApiScope.EXTENSIONS_READ)
  extensions(@Args(() => ExtensionsArgs) args: ExtensionsArgs): Promise<Connection<Extension>> {
    return this.service.list(args);
  }

  @FieldResolver(() => Boolean, { description: 'AVAILABLE and inside its working hours right now (business time zone).' })
  availableNow(@Root() extension: Extension): boolean {
    return this.service.isAvailableNow(extension);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When availableNow next changes by the clock alone (a working-hours boundary); null when only a change of status can change it. Consoles read the extension again then instead of polling.',
  })
  availabilityChangesAt(@Root() extension: Extension): Date | null {
    return this.service.availabilityChangesAt(extension);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The staff user who works this extension.' })
  staffUserId(@Root() extension: Extension): string | null {
    return extension.staffUserId ? toGlobalId('StaffUser', extension.staffUserId) : null;
  }

  @Mutation(() => ExtensionPayload)
  @AdminOnly(ApiScope.EXTENSIONS_WRITE)
  async createExtension(@Arg('input', () => CreateExtensionInput, { validate: false }) input: CreateExtensionInput): Promise<ExtensionPayload> {
    return { extension: await this.service.create(input), userErrors: [] };
  }

  @Mutation(() => ExtensionPayload)
  @AdminOnly(ApiScope.EXTENSIONS_WRITE)
  async updateExtension(@Arg('input', () => UpdateExtensionInput, { validate: false }) input: UpdateExtensionInput): Promise<ExtensionPayload> {
    return { extension: await this.service.update(input), userErrors: [] };
  }

  @Mutation(() => DeleteExtensionPayload)
  @AdminOnly(ApiScope.EXTENSIONS_WRITE)
  async deleteExtension(@Arg('id', () => ID) id: string): Promise<DeleteExtensionPayload> {
    return { deletedExtensionId: await this.service.delete(id), userErrors: [] };
  }

  @Mutation(() => ExtensionPayload, { description: 'Staff may set the status of their own extension; admins any.' })
  @StaffOnly(ApiScope.EXTENSIONS_WRITE)
  async setExtensionStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ExtensionStatus) status: ExtensionStatus,
    @Ctx() context: RequestContext,
  ): Promise<ExtensionPayload> {
    return { extension: await this.service.setStatus({ id, status, principal: context.principal! }), userErrors: [] };
  }

  @Mutation(() => ExtensionPayload, { description: 'Make this the primary escalation extension; the previous primary stops being one.' })
  @AdminOnly(ApiScope.EXTENSIONS_WRITE)
  async setPrimaryEscalationExtension(@Arg('id', () => ID) id: string): Promise<ExtensionPayload> {
    return { extension: await this.service.setPrimary(id), userErrors: [] };
  }

  @Subscription(() => ExtensionUpdatedEvent, { topics: ExtensionTopic.UPDATED })
  @StaffOnly(ApiScope.EXTENSIONS_READ)
  extensionUpdated(@Root() event: ExtensionUpdatedPayload): ExtensionUpdatedEvent {
    return { change: event.change, extension: fromSnapshot(event.extension), occurredAt: new Date(event.occurredAt) };
  }
}
