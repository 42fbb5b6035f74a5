import { Inject, Injectable } from '@nestjs/common';
import type { AccessTokenClaims } from '@foresight/contracts';
import { CONFIG } from '@foresight/service-kit';
import { SignJWT } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { IdentityConfig } from '../config';
import { SigningKeys } from './signing-keys.store';

export type AccessTokenSubject = Pick<
  AccessTokenClaims,
  'sub' | 'tid' | 'roles' | 'perms' | 'tier' | 'rpm' | 'sid' | 'email'
>;

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

/** Short-lived EdDSA access tokens; every service verifies them offline against the JWKS. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  async issue(subject: AccessTokenSubject, now: Date): Promise<IssuedAccessToken> {
    const { kid, privateKey } = this.keys.signingKey();
    const iat = Math.floor(now.getTime() / 1000);
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessTokenClaims = {
      ...subject,
      iat,
      exp: iat + ttl,
      iss: this.config.JWT_ISSUER,
      aud: this.config.JWT_AUDIENCE,
    };
    // jti: two tokens issued in the same second for the same session still differ.
    const token = await new SignJWT({ ...claims, jti: uuidv7() })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .sign(privateKey);
    return { token, expiresIn: ttl };
  }
}
