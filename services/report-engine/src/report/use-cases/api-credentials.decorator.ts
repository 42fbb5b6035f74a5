import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';

/** OpenAPI for routes behind the platform guard: a user's access token or an API key. */
export const ApiCredentials = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiResponse({ status: 401, description: 'AUTH.*: no valid access token or API key' }),
    ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: a permission the route needs is missing' }),
    ApiResponse({
      status: 429,
      description: "AUTH.RATE_LIMITED: the tenant is over its tier's requests per minute (Retry-After)",
    }),
  );
