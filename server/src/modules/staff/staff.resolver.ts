import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../shared/graphql/connection';
import type { RequestContext } from '../../app/context';
import { AdminOnly, Public, StaffOnly } from '../../shared/auth/access';
import { CreateApiKeyInput, CreateStaffUserInput, LoginInput, SetPasswordWithLinkInput, StaffUsersArgs, UpdateStaffUserInput } from './staff.inputs';
import type { StaffService } from './staff.service';
import {
  CreateApiKeyPayload,
  CreateStaffUserPayload,
  LoginPayload,
  LogoutPayload,
  RevokeApiKeyPayload,
  SetPasswordWithLinkPayload,
  SetStaffUserActivePayload,
  StaffPasswordLinkPayload,
  StaffUserConnection,
  StaffUserPayload,
} from './staff.types';
import { StaffUser } from './staff-user.entity';

@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff member; null for an API key.' })
  @StaffOnly()
  me(@Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    const principal = context.principal;
    return principal?.kind === 'staff' ? this.staff.findUser(principal.staffUserId) : null;
  }

  @Mutation(() => LoginPayload, { description: 'Exchange email and password for a bearer token. Repeated failures are locked out for a while.' })
  @Public()
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() context: RequestContext): Promise<LoginPayload> {
    return { ...(await this.staff.login({ email: input.email, password: input.password, ip: context.ip })), userErrors: [] };
  }

  @Mutation(() => LogoutPayload, { description: 'End this session; its token stops working at once.' })
  @StaffOnly()
  async logout(@Ctx() context: RequestContext): Promise<LogoutPayload> {
    await this.staff.logout(context.principal!);
    return { ok: true, userErrors: [] };
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Create an integrator key with the given scopes. The secret is returned once.' })
  @AdminOnly()
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() context: RequestContext): Promise<CreateApiKeyPayload> {
    const createdById = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { ...(await this.staff.createApiKey({ input, createdById })), userErrors: [] };
  }

  @Query(() => StaffUserConnection, { description: 'Everyone who can (or could) sign in to the console, by name.' })
  @AdminOnly()
  staffUsers(@Args(() => StaffUsersArgs) args: StaffUsersArgs): Promise<Connection<StaffUser>> {
    return this.staff.listStaffUsers(args);
  }

  @Mutation(() => CreateStaffUserPayload, {
    description: 'Add a person who can sign in to the console: with a password, or without one to invite them with a one-time set-password link.',
  })
  @AdminOnly()
  async createStaffUser(@Arg('input', () => CreateStaffUserInput, { validate: false }) input: CreateStaffUserInput): Promise<CreateStaffUserPayload> {
    return { ...(await this.staff.createStaffUser(input)), userErrors: [] };
  }

  @Mutation(() => StaffUserPayload, { description: "Change a person's name, role or linked extension. A role change ends their open sessions." })
  @AdminOnly()
  async updateStaffUser(@Arg('input', () => UpdateStaffUserInput, { validate: false }) input: UpdateStaffUserInput, @Ctx() context: RequestContext): Promise<StaffUserPayload> {
    const actingStaffUserId = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { staffUser: await this.staff.updateStaffUser({ input, actingStaffUserId }), userErrors: [] };
  }

  @Mutation(() => StaffPasswordLinkPayload, { description: 'A new one-time set-password link for this person; their earlier links stop working.' })
  @AdminOnly()
  async createStaffPasswordLink(@Arg('id', () => ID) id: string): Promise<StaffPasswordLinkPayload> {
    return { passwordLink: await this.staff.createPasswordLink(id), userErrors: [] };
  }

  @Mutation(() => SetPasswordWithLinkPayload, { description: 'Set a password through a one-time link: it works once, until it expires.' })
  @Public()
  async setPasswordWithLink(@Arg('input', () => SetPasswordWithLinkInput, { validate: false }) input: SetPasswordWithLinkInput): Promise<SetPasswordWithLinkPayload> {
    return { email: await this.staff.setPasswordWithLink(input), userErrors: [] };
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'Stop an integrator key at once: its requests fail and its open sockets close, on every instance.' })
  @AdminOnly()
  async revokeApiKey(@Arg('id', () => ID) id: string): Promise<RevokeApiKeyPayload> {
    return { apiKey: await this.staff.revokeApiKey(id), userErrors: [] };
  }

  @Mutation(() => SetStaffUserActivePayload, {
    description: 'Deactivate a staff member (their sessions end, their sockets close and they cannot sign in) or restore them. You cannot deactivate yourself.',
  })
  @AdminOnly()
  async setStaffUserActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() context: RequestContext): Promise<SetStaffUserActivePayload> {
    const actingStaffUserId = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { staffUser: await this.staff.setStaffUserActive({ id, active, actingStaffUserId }), userErrors: [] };
  }
}
