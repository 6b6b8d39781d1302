/**
 * socket.io on the app's own HTTP server: one port for pages, API and live updates. With a Redis
 * URL, several app processes share their viewers through socket.io's Redis adapter.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { RedisClient } from '#app/redis.server.ts';
import { serverHello } from './messages.ts';

export type Realtime = { io: Server; clustered: boolean; close(): Promise<void> };

export async function attachRealtime(httpServer: HttpServer, { version, redis, log = console.log }: { version: string; redis?: RedisClient; log?: (line: string) => void }): Promise<Realtime> {
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
  if (!redis) return { io, clustered: false, close: async () => {} };

  // The adapter publishes on the shared connection and listens on one of its own.
  const sub = redis.duplicate();
  sub.on('error', (error: Error) => log(`Redis: ${error.message}`));
  await sub.connect();
  io.adapter(createAdapter(redis, sub));
  return {
    io,
    clustered: true,
    async close() {
      await Promise.allSettled([sub.close()]);
    },
  };
}
