import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI page at /docs and the document at /docs-json. Every operation requires a
 * bearer JWT (the few open ones, like /health, say so); the page's Authorize button takes a
 * pasted token (`npm run token`) and keeps it across reloads.
 */
export function setupOpenApi(app: INestApplication, title: string, description: string): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(
      `${description}\n\nCalls need \`Authorization: Bearer <JWT>\`: customers may place and read their own orders, ` +
        'operators everything else. Locally `npm run token -- --sub alice@example.com --role customer` (or `--role operator`) ' +
        'mints one; paste it under Authorize.',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    swaggerOptions: { persistAuthorization: true },
  });
}
