/** socket.io on the app's own HTTP server: one port for pages, API and live updates. */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { serverHello } from './messages.ts';

export function attachRealtime(httpServer: HttpServer, version: string): Server {
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
  return io;
}
