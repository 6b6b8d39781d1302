import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '#app/root.tsx';

/** The hidden CSRF field every mutating form carries; the root loader provides the token. */
export function CsrfInput() {
  const data = useRouteLoaderData<typeof rootLoader>('root');
  return <input type="hidden" name="_csrf" value={data?.csrf ?? ''} />;
}

export function useCsrfToken(): string {
  return useRouteLoaderData<typeof rootLoader>('root')?.csrf ?? '';
}
