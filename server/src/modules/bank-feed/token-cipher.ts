import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { BankTokenKeys } from '../../app/config';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The first byte of every sealed token: the layout below. */
const FORMAT_V1 = 1;

/** A bank access token as stored: the key it was sealed under, and version | iv | tag | ciphertext. */
export interface SealedToken {
  keyId: string;
  sealed: Buffer;
}

/**
 * A stored token could not be opened: the key is missing or wrong, or the stored bytes or the
 * row they belong to were altered. Says which row and key id, never anything of the token.
 */
export class BankTokenUnreadable extends Error {
  constructor(
    readonly rowId: string,
    readonly keyId: string,
  ) {
    super(`the bank access token of connection ${rowId} could not be decrypted with key "${keyId}": the key is wrong or missing, or the stored token was altered`);
    this.name = 'BankTokenUnreadable';
  }
}

/**
 * Seals bank access tokens with AES-256-GCM (node:crypto) under the current key, bound to the
 * row they are stored in (the row id is the associated data, so a token copied into another
 * row does not open). Older keys still open what they sealed until the rows are re-wrapped.
 */
export class TokenCipher {
  /** `table`: where the tokens it seals are stored (bound into each seal); the Google connection uses it too. */
  constructor(
    private readonly keys: BankTokenKeys,
    private readonly table = 'bank_connection',
  ) {}

  get currentKeyId(): string {
    return this.keys.currentKeyId;
  }

  seal(token: string, rowId: string): SealedToken {
    const keyId = this.keys.currentKeyId;
    const key = this.keys.keys.get(keyId);
    if (!key) throw new Error(`bank token key "${keyId}" is not configured`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(this.table, rowId, keyId));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return { keyId, sealed: Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), ciphertext]) };
  }

  /** Throws BankTokenUnreadable (and nothing of the token) when the key or the bytes are wrong. */
  open(stored: SealedToken, rowId: string): string {
    const key = this.keys.keys.get(stored.keyId);
    const { sealed } = stored;
    if (!key || sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) throw new BankTokenUnreadable(rowId, stored.keyId);
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(this.table, rowId, stored.keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new BankTokenUnreadable(rowId, stored.keyId);
    }
  }

  /** True when the token was sealed under a key other than the current one. */
  needsRewrap(stored: Pick<SealedToken, 'keyId'>): boolean {
    return stored.keyId !== this.keys.currentKeyId;
  }

  /** Opens under the old key and seals under the current one. */
  rewrap(stored: SealedToken, rowId: string): SealedToken {
    return this.seal(this.open(stored, rowId), rowId);
  }
}

/** The table, the row and the key id, so none can be swapped without the tag failing. */
function associatedData(table: string, rowId: string, keyId: string): Buffer {
  return Buffer.from(`${table}:${rowId}:${keyId}`, 'utf8');
}
