import { Args, ArgsType, Field, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { Lead, SocialComment } from './social-comment.entity';
import type { SocialService } from './social.service';

const SocialCommentConnection = connectionType(SocialComment, 'SocialComment');
const LeadConnection = connectionType(Lead, 'Lead');

@ArgsType()
class SocialCommentsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only comments asking about booking.' })
  asksAboutBooking?: boolean;
}

@Resolver()
export class SocialResolver {
  constructor(private readonly social: SocialService) {}

  @Query(() => SocialCommentConnection, { description: 'Comments on the Facebook page and Instagram posts, newest first.' })
  @StaffOnly()
  socialComments(@Args(() => SocialCommentsArgs) args: SocialCommentsArgs): Promise<Connection<SocialComment>> {
    return this.social.comments({ asksAboutBooking: args.asksAboutBooking }, args);
  }

  @Query(() => LeadConnection, { description: 'People who asked about booking in public, newest first.' })
  @StaffOnly()
  leads(@Args(() => ConnectionArgs) args: ConnectionArgs): Promise<Connection<Lead>> {
    return this.social.leads(args);
  }
}
