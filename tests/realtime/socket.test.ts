import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverHello } from '#app/realtime/messages.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('socket.io on the app’s own port', () => {
  it('greets a client with the server version, in the shared message schema', async () => {
    const socket = connect(`${server.url}/system`, { transports: ['websocket'], forceNew: true });
    try {
      const hello = await new Promise((resolve, reject) => {
        socket.once('hello', resolve);
        socket.once('connect_error', reject);
      });
      expect(serverHello.parse(hello).version).toBe((await (await fetch(`${server.url}/healthz`)).json()).version);
    } finally {
      socket.close();
    }
  });
});
