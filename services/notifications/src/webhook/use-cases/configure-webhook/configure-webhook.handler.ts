import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { randomBytes } from 'node:crypto';
import { WebhookEndpoints } from '../../webhook-endpoints.store';
import { ConfiguredWebhookView } from '../../webhook.view';

export interface ConfigureWebhook {
  principal: Principal;
  url: string;
  secret?: string;
}

/** Enough to tell two secrets apart in the console, far too little to sign with. */
const PREFIX_LENGTH = 10;

/** Sets the tenant's endpoint; the next dispatch uses it (a retry of an older notification too). */
@Injectable()
export class ConfigureWebhookHandler {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  async execute(command: ConfigureWebhook, now = new Date()): Promise<ConfiguredWebhookView> {
    const generated = command.secret === undefined;
    const secret = command.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
    const view = {
      url: command.url,
      secretPrefix: secret.slice(0, PREFIX_LENGTH),
      updatedAt: now.toISOString(),
    };
    await this.endpoints.put(command.principal.tenantId, {
      ...view,
      secret,
      updatedBy: command.principal.email ?? command.principal.id,
    });
    return generated ? { ...view, secret } : view;
  }
}
