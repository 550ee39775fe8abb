import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An anonymous web chat: the customer's browser holds the token, only its SHA-256 is stored
 * (as for staff sessions). The hash is also the thread's channel address and the scope of its
 * live replies. A session unused for WEB_CHAT_SESSION_DAYS expires; the next visit starts a new chat.
 */
@Entity({ name: 'web_chat_session' })
export class WebChatSession {
  @PrimaryColumn({ type: 'char', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_active_at' })
  lastActiveAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;
}
