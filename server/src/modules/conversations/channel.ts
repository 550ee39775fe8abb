import { registerEnumType } from 'type-graphql';

export enum Channel {
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
  WEB_CHAT = 'WEB_CHAT',
  MESSENGER = 'MESSENGER',
  INSTAGRAM = 'INSTAGRAM',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}
registerEnumType(Channel, { name: 'Channel' });

/** Channels where the customer reached us by phone number and is answered by text message. */
export const TEXTING_CHANNELS: ReadonlySet<Channel> = new Set([Channel.SMS, Channel.PHONE, Channel.WHATSAPP]);
