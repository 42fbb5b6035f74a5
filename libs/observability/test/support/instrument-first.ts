import { instrument } from '../../src';

// A module of its own so it is evaluated before the importer's next import (http, Nest, mongoose).
instrument();
