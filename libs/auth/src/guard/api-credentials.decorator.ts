import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';

/** OpenAPI for routes behind the platform guard: a user's access token or an API key. */
export const ApiCredentials = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiResponse({ status: 401, description: 'AUTH.*: no valid access token or API key' }),
    ApiResponse({
      status: 403,
      description: 'AUTH.FORBIDDEN: the credential lacks the permission the route names',
    }),
    ApiResponse({
      status: 429,
      description: "AUTH.RATE_LIMITED: the tenant is over its tier's requests per minute (Retry-After)",
    }),
  );
