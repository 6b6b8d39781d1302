/**
 * An app server in a process of its own, for tests that need several (the Redis cluster test):
 * `node --import tsx tests/helpers/app-process.ts` with DATABASE_PATH (and REDIS_URL) set; it
 * reports its port over IPC and stops on SIGTERM.
 */
import { loadConfig } from '#app/config.server.ts';
import { createAppServer } from '../../server.ts';

const config = loadConfig({ ...process.env, PORT: '1', HOST: '127.0.0.1', SEED_DEMO: 'false' });
const server = await createAppServer({ config: { ...config, port: 0 }, log: () => {} });
process.send!({ port: server.port });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
