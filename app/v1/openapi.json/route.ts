import { openApiDocument } from '@/lib/api/openapi';

/**
 * The OpenAPI 3.1 document of /v1: public (it describes the API, not an
 * account), cacheable, and readable from other origins so API tools can load
 * it. A static segment, so it wins over the catch-all app/v1/[...path].
 */
export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    },
  });
}
