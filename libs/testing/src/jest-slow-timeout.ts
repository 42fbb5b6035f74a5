// Integration and e2e tests start real processes and wait on real brokers; Jest's 5 s default is
// for unit tests. (`testTimeout` is not a per-project option, hence this setup file.)
jest.setTimeout(180_000);
