import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ConnectionArgs, connectionType, type Connection } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { StaffUser } from '../staff/staff-user.entity';
import { Task } from './task.entity';
import type { TasksService } from './tasks.service';

const TaskConnection = connectionType(Task, 'Task');

@InputType()
export class CompleteTaskInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class TaskPayload extends MutationPayload {
  @Field(() => Task, { nullable: true, description: 'The task after the change; null when userErrors is not empty.' })
  task?: Task | null;
}

@Resolver(() => Task)
export class TasksResolver {
  constructor(private readonly service: TasksService) {}

  @Query(() => TaskConnection, { description: 'Tasks, newest first: open ones (open: true), completed ones (false), or all.' })
  @StaffOnly()
  tasks(@Args() args: ConnectionArgs, @Arg('open', () => Boolean, { nullable: true }) open: boolean | null): Promise<Connection<Task>> {
    return this.service.list({ open: open ?? null, args });
  }

  @Mutation(() => TaskPayload, { description: 'Mark a task done.' })
  @StaffOnly()
  async completeTask(@Arg('input', () => CompleteTaskInput) input: CompleteTaskInput, @Ctx() context: RequestContext): Promise<TaskPayload> {
    const staffUserId = context.principal?.kind === 'staff' ? context.principal.staffUserId : null;
    return { task: await this.service.complete({ taskGlobalId: input.id, staffUserId }), userErrors: [] };
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: "Who should do it: the primary extension's staff member when the task was created." })
  assignedTo(@Root() task: Task, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return task.assignedStaffUserId ? context.loaders.staffUserById.load(task.assignedStaffUserId) : null;
  }

  @FieldResolver(() => StaffUser, { nullable: true })
  completedBy(@Root() task: Task, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return task.completedByStaffUserId ? context.loaders.staffUserById.load(task.completedByStaffUserId) : null;
  }
}
