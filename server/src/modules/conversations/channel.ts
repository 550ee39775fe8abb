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
