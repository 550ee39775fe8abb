/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n": typeof types.StaffUserFieldsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n": typeof types.ExtensionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n": typeof types.ExtensionsDocument,
    "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateExtensionDocument,
    "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateExtensionDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteExtensionDocument,
    "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetExtensionStatusDocument,
    "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetPrimaryEscalationExtensionDocument,
    "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n": typeof types.ExtensionUpdatedDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n": types.StaffUserFieldsFragmentDoc,
    "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n": types.ExtensionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n": types.ExtensionsDocument,
    "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateExtensionDocument,
    "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateExtensionDocument,
    "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteExtensionDocument,
    "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetExtensionStatusDocument,
    "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetPrimaryEscalationExtensionDocument,
    "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n": types.ExtensionUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment StaffUserFields on StaffUser {\n    id\n    email\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ExtensionFields on Extension {\n    id\n    number\n    employeeName\n    role\n    phone\n    status\n    availableNow\n    isPrimaryEscalation\n    staffUserId\n    workingHours {\n      day\n      start\n      end\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staffUser {\n        ...StaffUserFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      ok\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Extensions($first: Int!) {\n    extensions(first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          ...ExtensionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExtension($input: CreateExtensionInput!) {\n    createExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateExtension($input: UpdateExtensionInput!) {\n    updateExtension(input: $input) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExtension($id: ID!) {\n    deleteExtension(id: $id) {\n      deletedExtensionId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetExtensionStatus($id: ID!, $status: ExtensionStatus!) {\n    setExtensionStatus(id: $id, status: $status) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPrimaryEscalationExtension($id: ID!) {\n    setPrimaryEscalationExtension(id: $id) {\n      extension {\n        ...ExtensionFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ExtensionUpdated {\n    extensionUpdated {\n      change\n      occurredAt\n      extension {\n        ...ExtensionFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;