import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Extension } from '../extensions/extension.entity';
import { PhoneCall } from './phone-call.entity';
import type { TelephonyService } from './telephony.service';

const PhoneCallConnection = connectionType(PhoneCall, 'PhoneCall');

@ObjectType()
class TransferCallPayload extends MutationPayload {
  @Field(() => PhoneCall, { nullable: true, description: 'The call after the transfer; null when userErrors is not empty.' })
  call?: PhoneCall | null;
}

/** Inbound calls for staff, and transferring an answered call to an extension. */
@Resolver(() => PhoneCall)
export class TelephonyResolver {
  constructor(private readonly telephony: TelephonyService) {}

  @Query(() => PhoneCallConnection, { description: 'Inbound phone calls, newest first.' })
  @StaffOnly()
  phoneCalls(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<PhoneCall>> {
    return this.telephony.list(args);
  }

  @FieldResolver(() => Extension, { nullable: true, description: 'The extension the call was forwarded to when it came in.' })
  routedExtension(@Root() call: PhoneCall, @Ctx() context: RequestContext): Promise<Extension | null> | null {
    return call.routedExtensionId ? context.loaders.extensionById.load(call.routedExtensionId) : null;
  }

  @FieldResolver(() => Extension, { nullable: true, description: 'The extension staff transferred the call to.' })
  transferredToExtension(@Root() call: PhoneCall, @Ctx() context: RequestContext): Promise<Extension | null> | null {
    return call.transferredToExtensionId ? context.loaders.extensionById.load(call.transferredToExtensionId) : null;
  }

  @Mutation(() => TransferCallPayload, {
    description:
      'Transfers an answered or held call to the extension\'s phone through RingCentral Call Control, after announcing it in the caller\'s PHONE thread.',
  })
  @StaffOnly()
  async transferCall(@Arg('extensionId', () => ID) extensionId: string, @Arg('callId', () => ID) callId: string): Promise<TransferCallPayload> {
    return { call: await this.telephony.transfer({ callId, extensionId }), userErrors: [] };
  }
}
