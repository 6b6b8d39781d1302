/** The zod schemas of socket messages, shared by server and client. */
import { z } from 'zod';

export const serverHello = z.object({ version: z.string(), at: z.number().int() });
export type ServerHello = z.infer<typeof serverHello>;
