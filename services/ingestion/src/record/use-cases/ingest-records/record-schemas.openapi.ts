import {
  CONTACT_ROLES,
  INTENT_SIGNAL_TYPES,
  RecordEntity,
  SUBSCRIPTION_STATUSES,
} from '@foresight/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/*
 * The record shapes of libs/contracts' upstream-records.ts, for the OpenAPI document: the contract
 * classes carry class-validator rules only, which the document cannot read. A spec checks that the
 * property lists here and there are the same.
 */

const externalId: SchemaObject = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9_:@/-]{0,127}$',
  example: 'crm-42',
};
const date: SchemaObject = { type: 'string', format: 'date-time', example: '2025-06-02T00:00:00Z' };
const perArea: SchemaObject = {
  type: 'object',
  required: ['contacts', 'companies', 'deals', 'email'],
  properties: {
    contacts: { type: 'integer', minimum: 0 },
    companies: { type: 'integer', minimum: 0 },
    deals: { type: 'integer', minimum: 0 },
    email: { type: 'integer', minimum: 0 },
  },
};

export const RECORD_SCHEMAS: Record<RecordEntity, SchemaObject> = {
  account: {
    type: 'object',
    required: ['externalId', 'name', 'lifecycle'],
    properties: {
      externalId,
      name: { type: 'string', minLength: 1, maxLength: 200, example: 'Northwind Analytics' },
      domain: { type: 'string', nullable: true, example: 'northwind.example' },
      industry: { type: 'string', nullable: true, maxLength: 100, example: 'COMPUTER_SOFTWARE' },
      employeeRange: { type: 'string', nullable: true, maxLength: 40, example: '51 to 200' },
      webRank: { type: 'integer', nullable: true, minimum: 1 },
      lifecycle: { type: 'string', enum: ['customer', 'prospect'] },
      closeDate: { ...date, nullable: true },
      mrr: { type: 'number', nullable: true, minimum: 0 },
      arr: { type: 'number', nullable: true, minimum: 0 },
      ownerEmail: {
        type: 'string',
        format: 'email',
        nullable: true,
        description: "the account owner: receives the account's reports",
      },
    },
  },
  contract: {
    type: 'object',
    required: ['externalId', 'accountExternalId', 'arr', 'startDate', 'renewalDate', 'status'],
    properties: {
      externalId: { ...externalId, example: 'ctr-7' },
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      arr: { type: 'number', minimum: 0 },
      startDate: date,
      renewalDate: { ...date, description: 'after startDate' },
      status: { type: 'string', enum: ['active', 'pending_renewal', 'cancelled'] },
    },
  },
  usage: {
    type: 'object',
    required: ['accountExternalId', 'at', 'actions', 'users'],
    description: 'one period (week) of an account; a period re-sent with other counts replaces it',
    properties: {
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      at: { ...date, description: 'start of the period' },
      actions: perArea,
      users: { ...perArea, description: 'active users per area in the period' },
    },
  },
  feedback: {
    type: 'object',
    required: ['externalId', 'accountExternalId', 'at', 'channel', 'text'],
    properties: {
      externalId: { ...externalId, example: 'nps-1001' },
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      at: date,
      channel: { type: 'string', enum: ['nps', 'survey', 'ticket', 'chat', 'review'] },
      score: {
        type: 'integer',
        nullable: true,
        minimum: 0,
        maximum: 10,
        description: 'required for nps (0–10); 1–5 for survey; absent for free text',
      },
      text: { type: 'string', maxLength: 10_000 },
    },
  },
  subscription: {
    type: 'object',
    required: ['externalId', 'accountExternalId', 'product', 'plan', 'units', 'status', 'mrr', 'startDate'],
    properties: {
      externalId: { ...externalId, example: 'sub-31' },
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      product: { type: 'string', minLength: 1, maxLength: 200, example: 'Analytics Cloud' },
      plan: { type: 'string', minLength: 1, maxLength: 200, example: 'Pro' },
      units: { type: 'integer', minimum: 0, description: 'seats or units in use' },
      unitLimit: {
        type: 'integer',
        nullable: true,
        minimum: 0,
        description: 'seats or units the plan allows',
      },
      status: { type: 'string', enum: [...SUBSCRIPTION_STATUSES] },
      mrr: { type: 'number', minimum: 0 },
      startDate: date,
      endDate: { ...date, nullable: true, description: 'after startDate' },
    },
  },
  contact: {
    type: 'object',
    required: ['externalId', 'accountExternalId', 'name', 'email'],
    properties: {
      externalId: { ...externalId, example: 'ct-501' },
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      name: { type: 'string', minLength: 1, maxLength: 200, example: 'Ana Ruiz' },
      email: { type: 'string', format: 'email', example: 'ana@northwind.example' },
      title: { type: 'string', nullable: true, maxLength: 200, example: 'VP Operations' },
      role: { type: 'string', nullable: true, enum: [...CONTACT_ROLES] },
    },
  },
  intent_signal: {
    type: 'object',
    required: ['externalId', 'accountExternalId', 'type', 'strength', 'detectedAt'],
    properties: {
      externalId: { ...externalId, example: 'sig-9001' },
      accountExternalId: { ...externalId, description: 'an account already ingested' },
      type: { type: 'string', enum: [...INTENT_SIGNAL_TYPES] },
      strength: { type: 'number', minimum: 0, maximum: 100, description: '0 (faint) to 100 (strong)' },
      detectedAt: date,
      topic: { type: 'string', nullable: true, maxLength: 200, example: 'pricing' },
      sourceDetail: {
        type: 'string',
        nullable: true,
        maxLength: 2000,
        description: 'where the signal was seen, e.g. the page visited or the job posting',
      },
    },
  },
};
