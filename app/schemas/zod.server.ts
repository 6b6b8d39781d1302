/**
 * zod with the OpenAPI extension applied before any schema is built: zod 4 schemas made earlier
 * would lack `.openapi()`, so every schema of the project imports `z` from here.
 */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
