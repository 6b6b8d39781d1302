/** Entries of the works-based competitions at the API's boundary (#16). */
import { z } from './zod.server.ts';

/** A new entry of a works-based competition (a school's own; the organiser names the school). */
export const entryApiInput = z.object({ categoryId: z.number().int().positive(), title: z.string().trim().min(1).max(120), schoolId: z.number().int().positive().optional() });
