import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { CONFIG, MONGO_CONNECTION } from '@foresight/service-kit';
import { calculateJwkThumbprint, JWK } from 'jose';
import type { Connection, mongo } from 'mongoose';
import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { IdentityConfig } from '../config';
import { SecretBox } from '../shared/crypto/secret-box';
import { SECRET_BOX } from '../shared/crypto/secret-box.token';

/** Platform data, not a tenant's: one key set signs every tenant's tokens. */
interface SigningKeyDoc {
  _id: string;
  alg: 'EdDSA';
  publicJwk: JWK;
  /** The private JWK, sealed with IDENTITY_ENCRYPTION_KEY. */
  privateSealed: string;
  createdAt: Date;
  /** Signs from then on (until a newer key activates); published in the JWKS before that. */
  activatesAt: Date;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

export interface Rotation {
  kid: string;
  activatesAt: string;
  /** The key signing until then; it stays published until the tokens it signed have expired. */
  replaces: string | null;
}

const COLLECTION = 'identity_signing_keys';
const SEALING_CONTEXT = 'identity:jwt-signing-key';
/** Other instances see a rotation within this; well inside SIGNING_KEY_ACTIVATION_SECONDS. */
const REFRESH_MS = 2_000;

/**
 * Ed25519 signing keys in Mongo (outside the event payloads, private halves sealed), so a restart
 * or a second instance signs with, and publishes, the same keys.
 *
 * A new key is published first and signs only after SIGNING_KEY_ACTIVATION_SECONDS: verifiers
 * reload their JWKS on an unknown kid at most every few seconds, so a token signed the moment a key
 * appeared could be refused by one that reloaded just before. Published early, the key is either
 * already in their set or their next reload is allowed when its first token arrives.
 */
@Injectable()
export class SigningKeys implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SigningKeys');
  private readonly collection: mongo.Collection<SigningKeyDoc>;
  /** Oldest first by activation. */
  private docs: SigningKeyDoc[] = [];
  private readonly opened = new Map<string, KeyObject>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {
    this.collection = connection.collection<SigningKeyDoc>(COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    if (!this.docs.length) await this.insert(new Date());
    this.assertKeysOpen();
    this.timer = setInterval(
      () => void this.reload().catch((err: Error) => this.logger.warn(`reload failed: ${err.message}`)),
      REFRESH_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  signingKey(now = Date.now()): SigningKey {
    const doc = this.signer(now);
    if (!doc) throw new Error('no signing key is active');
    return { kid: doc._id, privateKey: this.open(doc) };
  }

  /** Pending keys, the signing key, and replaced ones that may still have signed a live token. */
  jwks(now = Date.now()): { keys: JWK[] } {
    const horizon = now - (this.config.ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
    const keys = this.docs.filter((_doc, i) => {
      const replacedAt = this.docs
        .slice(i + 1)
        .find((d) => d.activatesAt.getTime() <= now)
        ?.activatesAt.getTime();
      return replacedAt === undefined || replacedAt > horizon;
    });
    return { keys: keys.map((d) => ({ ...d.publicJwk, kid: d._id, alg: 'EdDSA', use: 'sig' })) };
  }

  async rotate(now = new Date()): Promise<Rotation> {
    const replaces = this.signer(now.getTime())?._id ?? null;
    const activatesAt = new Date(now.getTime() + this.config.SIGNING_KEY_ACTIVATION_SECONDS * 1000);
    const kid = await this.insert(activatesAt);
    this.logger.log({ msg: 'signing key rotated', kid, activatesAt, replaces });
    return { kid, activatesAt: activatesAt.toISOString(), replaces };
  }

  /**
   * The key signing now and any waiting to: with an IDENTITY_ENCRYPTION_KEY that cannot open them,
   * every sign-in would fail. Refusing to start says why, where a 500 per login would not.
   */
  private assertKeysOpen(now = Date.now()): void {
    const signer = this.signer(now);
    for (const doc of this.docs.filter((d) => d === signer || d.activatesAt.getTime() > now)) {
      try {
        this.open(doc);
      } catch {
        throw new Error(
          `IDENTITY_ENCRYPTION_KEY does not open signing key ${doc._id} (stored in ${COLLECTION} on ` +
            `${doc.createdAt.toISOString()}): the key was changed since, or another deployment with ` +
            'another key shares this Mongo database',
        );
      }
    }
  }

  private open(doc: SigningKeyDoc): KeyObject {
    let privateKey = this.opened.get(doc._id);
    if (!privateKey) {
      const jwk = JSON.parse(this.box.open(doc.privateSealed, SEALING_CONTEXT)) as JWK;
      privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
      this.opened.set(doc._id, privateKey);
    }
    return privateKey;
  }

  private signer(now: number): SigningKeyDoc | undefined {
    return [...this.docs].reverse().find((d) => d.activatesAt.getTime() <= now);
  }

  private async insert(activatesAt: Date): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
    const kid = await calculateJwkThumbprint(publicJwk);
    await this.collection.insertOne({
      _id: kid,
      alg: 'EdDSA',
      publicJwk,
      privateSealed: this.box.seal(JSON.stringify(privateKey.export({ format: 'jwk' })), SEALING_CONTEXT),
      createdAt: new Date(),
      activatesAt,
    });
    await this.reload();
    return kid;
  }

  private async reload(): Promise<void> {
    // Two instances booting on an empty collection may both create one: the later activation signs.
    this.docs = await this.collection.find({}).sort({ activatesAt: 1, _id: 1 }).toArray();
  }
}
