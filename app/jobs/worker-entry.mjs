// A work thread's entry: the tasks are TypeScript, and a thread does not inherit `--import tsx`.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./worker.ts');

export const certificate = tasks.certificate;
export const registrations = tasks.registrations;
