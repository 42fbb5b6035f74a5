export const EVENT_STORE = Symbol('EVENT_STORE');
export const PROJECTION_CATALOG = Symbol('PROJECTION_CATALOG');
export const BACKBONE_OPTIONS = Symbol('BACKBONE_OPTIONS');
