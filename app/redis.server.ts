/**
 * The optional Redis connection (REDIS_URL): when several app processes serve one competition,
 * they share their live viewers (socket.io's adapter) and their login limits through it.
 */
import { createClient } from 'redis';

const connect = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof connect>;

export async function connectRedis(url: string, log: (line: string) => void): Promise<RedisClient> {
  const client = connect(url);
  client.on('error', (error: Error) => log(`Redis: ${error.message}`));
  await client.connect();
  log(`已连接 Redis，多进程共享实时推送与登录限流 (Redis shared by the app processes): ${url.replace(/\/\/[^@]*@/, '//***@')}`);
  return client;
}
