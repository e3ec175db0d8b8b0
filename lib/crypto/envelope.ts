import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Envelope encryption with AES-256-GCM. Each record gets its own random data
 * key; the data key is encrypted ("wrapped") by a master key named by an id that
 * is stored beside the record (`encryption_key_id` columns). Rotating a master
 * key re-wraps the small data keys, never the data itself.
 *
 * Sealed layout (version 1):
 *   [1: version][12: wrap iv][16: wrap tag][32: wrapped data key][12: data iv][16: data tag][ciphertext]
 *
 * `context` is bound as additional authenticated data (e.g. "users.totp:<id>"),
 * so a ciphertext copied into another row or column fails to open.
 */
const VERSION = 1;
const IV = 12;
const TAG = 16;
const KEY = 32;
const HEADER = 1 + IV + TAG + KEY + IV + TAG;

export class EncryptionKeyError extends Error {}

export interface Keyring {
  activeId: string;
  keys: Map<string, Buffer>;
}

let cached: Keyring | undefined;

export function parseKeyring(spec: string, activeId?: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const sep = part.indexOf(':');
    const id = part.slice(0, sep);
    const key = Buffer.from(part.slice(sep + 1), 'base64');
    if (sep <= 0 || !/^[A-Za-z0-9_.-]{1,100}$/.test(id))
      throw new EncryptionKeyError('ENCRYPTION_KEYS: each entry is id:base64key');
    if (key.length !== KEY)
      throw new EncryptionKeyError(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64)`);
    keys.set(id, key);
  }
  const last = [...keys.keys()].at(-1);
  const active = activeId ?? last;
  if (!active || !keys.has(active))
    throw new EncryptionKeyError('ENCRYPTION_ACTIVE_KEY_ID must name a key in ENCRYPTION_KEYS');
  return { activeId: active, keys };
}

/** The configured keyring (ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY_ID). */
export function keyring(): Keyring {
  if (!env.ENCRYPTION_KEYS) throw new EncryptionKeyError('ENCRYPTION_KEYS is not set');
  cached ??= parseKeyring(env.ENCRYPTION_KEYS, env.ENCRYPTION_ACTIVE_KEY_ID);
  return cached;
}

function masterKey(ring: Keyring, id: string): Buffer {
  const key = ring.keys.get(id);
  if (!key) throw new EncryptionKeyError(`master key "${id}" is not in ENCRYPTION_KEYS`);
  return key;
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext];
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export interface Sealed {
  ciphertext: Buffer;
  keyId: string;
}

export function seal(plaintext: Buffer | string, context: string, ring: Keyring = keyring()): Sealed {
  const aad = Buffer.from(context, 'utf8');
  const dataKey = randomBytes(KEY);
  try {
    const [dataIv, dataTag, body] = gcmSeal(dataKey, Buffer.from(plaintext), aad);
    const [wrapIv, wrapTag, wrapped] = gcmSeal(masterKey(ring, ring.activeId), dataKey, aad);
    return {
      ciphertext: Buffer.concat([Buffer.of(VERSION), wrapIv, wrapTag, wrapped, dataIv, dataTag, body]),
      keyId: ring.activeId,
    };
  } finally {
    dataKey.fill(0);
  }
}

function split(sealed: Buffer) {
  if (sealed.length < HEADER || sealed[0] !== VERSION) throw new EncryptionKeyError('not a sealed record');
  let at = 1;
  const take = (n: number) => sealed.subarray(at, (at += n));
  return {
    wrapIv: take(IV),
    wrapTag: take(TAG),
    wrapped: take(KEY),
    dataIv: take(IV),
    dataTag: take(TAG),
    body: sealed.subarray(at),
  };
}

export function open(
  sealed: Buffer | Uint8Array,
  keyId: string,
  context: string,
  ring: Keyring = keyring(),
): Buffer {
  const parts = split(Buffer.from(sealed));
  const aad = Buffer.from(context, 'utf8');
  const dataKey = gcmOpen(masterKey(ring, keyId), parts.wrapIv, parts.wrapTag, parts.wrapped, aad);
  try {
    return gcmOpen(dataKey, parts.dataIv, parts.dataTag, parts.body, aad);
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps a record's data key under the active master key (key rotation). */
export function rewrap(
  sealed: Buffer | Uint8Array,
  keyId: string,
  context: string,
  ring: Keyring = keyring(),
): Sealed {
  const parts = split(Buffer.from(sealed));
  const aad = Buffer.from(context, 'utf8');
  const dataKey = gcmOpen(masterKey(ring, keyId), parts.wrapIv, parts.wrapTag, parts.wrapped, aad);
  try {
    const [wrapIv, wrapTag, wrapped] = gcmSeal(masterKey(ring, ring.activeId), dataKey, aad);
    return {
      ciphertext: Buffer.concat([
        Buffer.of(VERSION),
        wrapIv,
        wrapTag,
        wrapped,
        parts.dataIv,
        parts.dataTag,
        parts.body,
      ]),
      keyId: ring.activeId,
    };
  } finally {
    dataKey.fill(0);
  }
}
