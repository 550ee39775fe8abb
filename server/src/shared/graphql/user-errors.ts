import { validate, type ValidationError } from 'class-validator';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { ArgumentValidationError, Field, ObjectType } from 'type-graphql';

/**
 * Expected failures are values: a mutation answers bad input with `userErrors` a person can
 * act on, never a stack trace. Services throw `UserInputFailure`; class-validator failures
 * arrive as `ArgumentValidationError`. `mapUserErrorsOnMutations` turns both into the payload,
 * and because a service throws inside its transaction, nothing it began is left written.
 */
@ObjectType({ description: 'Something in the input a person can correct.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Dotted path of the input field at fault, e.g. "workingHours.2.end".' })
  field!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => String, { description: 'Stable machine-readable reason, e.g. DUPLICATE_NUMBER.' })
  code!: string;
}

@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

export class UserInputFailure extends Error {
  readonly userErrors: UserError[];
  constructor(errors: Array<{ field?: string | null; message: string; code: string }>) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'UserInputFailure';
    this.userErrors = errors.map((e) => ({ field: e.field ?? null, message: e.message, code: e.code }));
  }
}

export function userFailure(code: string, message: string, field?: string): UserInputFailure {
  return new UserInputFailure([{ code, message, field }]);
}

function flattenValidationErrors(errors: ValidationError[], parentPath: string[] = []): UserError[] {
  return errors.flatMap((error) => {
    const path = [...parentPath, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path.join('.'),
      message,
      code: 'INVALID',
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The input rules of an argument checked by hand, for a service that adds its own checks (a
 * taken number, a clash with stored data) and answers every problem of a form at once. Its
 * resolver declares the argument with `validate: false` so type-graphql does not stop first.
 */
export async function inputErrors(input: object): Promise<UserError[]> {
  return flattenValidationErrors(await validate(input, { forbidUnknownValues: false }));
}

/** Throws every collected problem as one failure; does nothing when there is none. */
export function throwIfAny(errors: ReadonlyArray<{ field?: string | null; message: string; code: string }>): void {
  if (errors.length > 0) throw new UserInputFailure([...errors]);
}

/** The payload a mutation answers `error` with, or the error again when no person can correct it. */
export function userErrorsPayload(error: unknown): { userErrors: UserError[] } {
  if (error instanceof UserInputFailure) return { userErrors: error.userErrors };
  if (error instanceof ArgumentValidationError) {
    const fromInputObject = error.extensions.validationErrors.flatMap((e) =>
      // Errors on an input object arrive wrapped in the argument; name fields relative to it.
      e.children && e.children.length > 0 && !e.constraints ? flattenValidationErrors(e.children) : flattenValidationErrors([e]),
    );
    return { userErrors: fromInputObject };
  }
  throw error;
}

/**
 * Wraps every Mutation field's resolver (its access check, argument validation and handler)
 * so expected failures become `userErrors`. Only mutations answer that way, so only their
 * resolvers are wrapped: a global type-graphql middleware would make every field of every
 * query asynchronous, and a page of 50 rows resolves over a thousand fields.
 */
export function mapUserErrorsOnMutations(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve: GraphQLFieldResolver<unknown, unknown> | undefined = field.resolve;
    if (!resolve) continue;
    field.resolve = async (source, args, context, info) => {
      try {
        return await resolve(source, args, context, info);
      } catch (error) {
        return userErrorsPayload(error);
      }
    };
  }
}
