import { Algorithm, hash, verify } from '@node-rs/argon2';

export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * argon2id on the libuv pool (the @node-rs binding runs it off the event loop). `verifyOrWaste`
 * spends the same time when there is no hash to check, so an unknown email answers as slowly as a
 * wrong password.
 */
export class PasswordHasher {
  private decoy?: Promise<string>;

  constructor(private readonly cost: Argon2Cost) {}

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, ...this.cost });
  }

  async verifyOrWaste(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      this.decoy ??= this.hash('decoy password that matches nothing');
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Computes the decoy at boot so the first unknown-email login is not faster than later ones. */
  async warmUp(): Promise<void> {
    this.decoy ??= this.hash('decoy password that matches nothing');
    await this.decoy;
  }
}
