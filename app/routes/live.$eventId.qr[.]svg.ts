import type { LoaderFunctionArgs } from '@remix-run/node';
import QRCode from 'qrcode';
import { numericParam } from '#app/utils/route.server.ts';

/** The QR code of an event's phone page, for the big screen. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = numericParam(params.eventId);
  const url = new URL(`/live/${eventId}`, request.url).href;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
