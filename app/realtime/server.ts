/**
 * socket.io on the app's own HTTP server: one port for pages, API and live updates. With a Redis
 * URL, several app processes share their viewers through socket.io's Redis adapter.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { serverHello } from './messages.ts';

export type Realtime = { io: Server; clustered: boolean; close(): Promise<void> };

export async function attachRealtime(httpServer: HttpServer, { version, redisUrl, log = console.log }: { version: string; redisUrl?: string; log?: (line: string) => void }): Promise<Realtime> {
  const io = new Server(httpServer, {
    serveClient: false,
    // Same-origin pages only; other systems follow the JSON API and its feed instead.
    cors: { origin: false },
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  // Every client learns which server build it talks to, so a page can tell when to reload.
  io.of('/system').on('connection', (socket) => {
    socket.emit('hello', serverHello.parse({ version, at: Date.now() }));
  });
  if (!redisUrl) return { io, clustered: false, close: async () => {} };

  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error: Error) => log(`Redis: ${error.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  log(`实时推送经 Redis 共享 (live updates shared through Redis): ${redisUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  return {
    io,
    clustered: true,
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
