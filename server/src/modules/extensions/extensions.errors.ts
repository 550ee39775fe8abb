import { userFailure, type UserInputFailure } from '../../shared/graphql/user-errors';

/** Every way an extension change can be refused, with the message a person acts on. */
export enum ExtensionErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE_NUMBER = 'DUPLICATE_NUMBER',
  INVALID_WORKING_HOURS = 'INVALID_WORKING_HOURS',
  PRIMARY_ALREADY_SET = 'PRIMARY_ALREADY_SET',
  PRIMARY_REQUIRED = 'PRIMARY_REQUIRED',
  UNKNOWN_STAFF_USER = 'UNKNOWN_STAFF_USER',
  STAFF_USER_HAS_EXTENSION = 'STAFF_USER_HAS_EXTENSION',
  EXTENSION_HAS_STAFF_USER = 'EXTENSION_HAS_STAFF_USER',
}

export const extensionErrors = {
  notFound: (field = 'id'): UserInputFailure =>
    userFailure(ExtensionErrorCode.NOT_FOUND, 'No extension has this id; it may have been deleted. Reload the list.', field),
  duplicateNumber: (number?: number): UserInputFailure =>
    userFailure(
      ExtensionErrorCode.DUPLICATE_NUMBER,
      `Number: extension ${number ?? 'with that number'} already exists; choose another number.`,
      'number',
    ),
  primaryAlreadySet: (current: { number: number; employeeName: string }): UserInputFailure =>
    userFailure(
      ExtensionErrorCode.PRIMARY_ALREADY_SET,
      `Extension ${current.number} (${current.employeeName}) is already the primary escalation extension. ` +
        'There can be only one: use “Make primary” on this extension after saving it.',
      'isPrimaryEscalation',
    ),
  primaryRequired: (field: string, action: string): UserInputFailure =>
    userFailure(
      ExtensionErrorCode.PRIMARY_REQUIRED,
      `This is the primary escalation extension, so it cannot be ${action}: use “Make primary” on another extension first.`,
      field,
    ),
  unknownStaffUser: (): UserInputFailure =>
    userFailure(ExtensionErrorCode.UNKNOWN_STAFF_USER, 'Staff login: that staff member no longer exists; choose another or none.', 'staffUserId'),
  staffUserHasExtension: (number: number, field = 'staffUserId'): UserInputFailure =>
    userFailure(
      ExtensionErrorCode.STAFF_USER_HAS_EXTENSION,
      `Staff login: that person already answers extension ${number}; unlink it there first.`,
      field,
    ),
  extensionHasStaffUser: (number: number, field: string): UserInputFailure =>
    userFailure(
      ExtensionErrorCode.EXTENSION_HAS_STAFF_USER,
      `Extension: ${number} is linked to another staff login; choose another extension or unlink it first.`,
      field,
    ),
};
