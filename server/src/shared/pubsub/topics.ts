import type { ExtensionUpdatedPayload } from '../../modules/extensions/extensions.events';

/** Every topic and its payload, in one typed map: a publish with the wrong shape does not compile. */
export interface TopicPayloads {
  EXTENSION_UPDATED: ExtensionUpdatedPayload;
}

export type TopicName = keyof TopicPayloads;

export const Topic: { [K in TopicName]: K } = {
  EXTENSION_UPDATED: 'EXTENSION_UPDATED',
};
