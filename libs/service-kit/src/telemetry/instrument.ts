import { instrument } from '@foresight/observability';

// Evaluated first by this lib's index (see there): http, Nest, pg and mongoose must be patched
// before anything requires them, and every service's main.ts imports @foresight/service-kit first.
instrument();
