import { SetMetadata } from '@nestjs/common';

export const ON_EVENT = Symbol('foresight:on-event');

export interface OnEventOptions {
  /** Consumer (so consumer group) name; defaults to the provider's class name in kebab-case. */
  consumer?: string;
  /** Defaults to the topic of the type's contract. */
  topic?: string;
}

export interface OnEventMetadata extends OnEventOptions {
  type: string;
}

/**
 * Marks a provider method as the handler of one event type. Methods of one consumer share a group,
 * an inbox and offsets; the method receives a `ConsumedEvent` and must be idempotent (README).
 */
export const OnEvent = (type: string, options: OnEventOptions = {}): MethodDecorator =>
  SetMetadata<symbol, OnEventMetadata>(ON_EVENT, { type, ...options });
