export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** The `Publisher`: the one way a service sends to Kafka directly (its events go through the relay). */
export const PUBLISHER = Symbol('PUBLISHER');
export const BROKER = Symbol('BROKER');
/** The `EventRelay`, or null when the module was configured without one. */
export const EVENT_RELAY = Symbol('EVENT_RELAY');
