import { Inject, Injectable } from '@nestjs/common';
import { MONGO_CONNECTION } from '@foresight/service-kit';
import type { Connection, mongo } from 'mongoose';
import { SecretBox } from './secret-box';

export const SECRET_BOX = Symbol('SECRET_BOX');

interface EndpointDoc {
  /** The tenant id: one endpoint per tenant. */
  _id: string;
  tenantId: string;
  url: string;
  secret: string;
  sealed: boolean;
  /** Shown to admins so they can tell which secret is configured; never enough to sign. */
  secretPrefix: string;
  updatedAt: string;
  updatedBy: string;
}

export interface WebhookEndpoint {
  url: string;
  secret: string;
  secretPrefix: string;
  updatedAt: string;
}

/**
 * Each tenant's webhook endpoint and signing secret. Configuration, not a lifecycle: a plain
 * document replaced on every change (one writer per tenant: the admin saving the form).
 */
@Injectable()
export class WebhookEndpoints {
  private readonly docs: mongo.Collection<EndpointDoc>;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.docs = connection.collection<EndpointDoc>('notifications_webhook_endpoints');
  }

  async get(tenantId: string): Promise<WebhookEndpoint | null> {
    const doc = await this.docs.findOne({ _id: tenantId, tenantId });
    if (!doc) return null;
    return {
      url: doc.url,
      secret: this.box.open(doc.secret, doc.sealed),
      secretPrefix: doc.secretPrefix,
      updatedAt: doc.updatedAt,
    };
  }

  async put(
    tenantId: string,
    endpoint: { url: string; secret: string; secretPrefix: string; updatedAt: string; updatedBy: string },
  ): Promise<void> {
    const { value, sealed } = this.box.seal(endpoint.secret);
    const doc: EndpointDoc = { _id: tenantId, tenantId, ...endpoint, secret: value, sealed };
    await this.docs.replaceOne({ _id: tenantId, tenantId }, doc, { upsert: true });
  }
}
