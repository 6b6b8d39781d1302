import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { openApiDocument } from '#app/api/contract.ts';

export async function loader({ context }: LoaderFunctionArgs) {
  return json(openApiDocument(context.version), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
