import { Arg, Args, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AdminOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Email } from './email.entity';
import type { EmailService } from './email.service';

const EmailConnection = connectionType(Email, 'Email');

@InputType()
export class SendWeeklyReportsInput {
  @Field(() => String, { nullable: true, description: 'Any day of the week to report, YYYY-MM-DD; the last whole week (the one this week sends) when left out.' })
  weekOf?: string | null;
}

@ObjectType()
export class SendWeeklyReportsPayload extends MutationPayload {
  @Field(() => [Email], { nullable: true, description: 'The reconciliation report and the business summary of that week; null when userErrors is not empty.' })
  emails?: Email[] | null;

  @Field(() => Boolean, { nullable: true, description: 'False when that week’s reports had been made already: they are not sent again. Null when userErrors is not empty.' })
  queued?: boolean | null;
}

@Resolver(() => Email)
export class EmailResolver {
  constructor(private readonly service: EmailService) {}

  @Query(() => EmailConnection, { description: 'Emails the business sent or keeps in the local outbox, newest first.' })
  @AdminOnly()
  emails(@Args() args: ConnectionArgs): Promise<Connection<Email>> {
    return this.service.list(args);
  }

  @Query(() => Boolean, { description: 'True when no SMTP server is configured: emails wait in the outbox here instead of being sent.' })
  @AdminOnly()
  emailUsesOutbox(): boolean {
    return this.service.usesOutbox;
  }

  @Mutation(() => SendWeeklyReportsPayload, { description: 'Send the weekly reconciliation report and business summary to the owner now (once per week: asking again sends nothing).' })
  @AdminOnly()
  async sendWeeklyReports(@Arg('input', () => SendWeeklyReportsInput, { nullable: true }) input: SendWeeklyReportsInput | null): Promise<SendWeeklyReportsPayload> {
    return { ...(await this.service.sendWeeklyReports(input?.weekOf ?? null)), userErrors: [] };
  }
}
