import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly, staffIdOf } from '../../shared/auth/access';
import { userFailure } from '../../shared/graphql/user-errors';
import { StaffUser } from '../staff/staff-user.entity';
import { Extension } from './extension.entity';
import { ExtensionErrorCode } from './extensions.errors';
import { ExtensionPayload } from './extensions.types';
import type { PresenceService } from './presence.service';

/** A staff login's extension, and the away toggle of the console's top bar. */
@Resolver(() => StaffUser)
export class PresenceResolver {
  constructor(private readonly presence: PresenceService) {}

  @FieldResolver(() => Extension, { nullable: true, description: 'The extension this person answers; their presence sets its availability.' })
  extension(@Root() staffUser: StaffUser, @Ctx() context: RequestContext): Promise<Extension | null> {
    return context.loaders.extensionByStaffUserId.load(staffUser.id);
  }

  @Mutation(() => ExtensionPayload, {
    description: 'The signed-in staff member steps away (their extension goes offline, so nothing is routed to it) or comes back (available).',
  })
  @StaffOnly()
  async setAway(@Arg('away', () => Boolean) away: boolean, @Ctx() context: RequestContext): Promise<ExtensionPayload> {
    const extension = await this.presence.setAway(staffIdOf(context), away);
    if (!extension) {
      throw userFailure(ExtensionErrorCode.NOT_FOUND, 'Your login answers no extension yet: ask an administrator to link one on the Staff page.');
    }
    return { extension, userErrors: [] };
  }
}
