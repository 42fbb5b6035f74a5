/** What `AuthModule.forRoot` needs; `authOptionsFrom(config, name)` builds it from `AuthConfig`. */
export interface AuthOptions {
  serviceName: string;
  /** identity's gRPC `identity.v1.Access`, `host:port`. */
  identityGrpcUrl: string;
  /** identity's `GET /.well-known/jwks.json`. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  kafkaBrokers: readonly string[];
  /** Shared rate-limit buckets; without it each instance keeps its own. */
  redisUrl?: string;
  /**
   * The longest access-token lifetime identity issues. Changes are remembered this long, and this
   * much of `identity.access.v1` is replayed at start-up, so an instance started after a revocation
   * still refuses tokens issued before it.
   */
  maxTokenTtlSeconds?: number;
  apiKeyCacheMaxSeconds?: number;
  /** Route paths (prefixes) public without `@Public()`: the platform's own health and metrics routes. */
  publicPaths?: readonly string[];
  /** `GET /v1/whoami`, the principal as this service sees it. */
  whoami?: boolean;
  /** Consume `identity.access.v1`; off only in tests that have no Kafka. */
  listenForAccessChanges?: boolean;
  /** Rate limiting per tenant; off only where a test needs unthrottled traffic. */
  rateLimit?: boolean;
}

export type ResolvedAuthOptions = Required<Omit<AuthOptions, 'redisUrl'>> & Pick<AuthOptions, 'redisUrl'>;

/** A string token, so test tooling can read the options without importing this lib. */
export const AUTH_OPTIONS = 'foresight:auth-options';

export function resolveAuthOptions(options: AuthOptions): ResolvedAuthOptions {
  return {
    maxTokenTtlSeconds: 3600,
    apiKeyCacheMaxSeconds: 60,
    publicPaths: ['/health', '/metrics'],
    whoami: true,
    listenForAccessChanges: true,
    rateLimit: true,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as unknown as ResolvedAuthOptions;
}
