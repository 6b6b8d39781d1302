import { openMigratedDatabase } from '#db/client.ts';
import { seedCompetition } from './scripts/seed/generate.ts';
import { readyToScore, share } from '#tests/helpers/judging.ts';
import { refreshEventBoards } from '#app/models/scoreboard.server.ts';
import { putMark } from '#app/models/mark.server.ts';
const db = openMigratedDatabase('/tmp/z.db');
await seedCompetition(db, { seed: 2026 });
const ready = readyToScore(db);
let k = 0;
const codes = ready.desk.filter((d) => d.workCode).map((d) => d.workCode!);
for (const j of ready.judges) for (const code of codes) for (const c of ready.scheme.criteria) putMark(db, j, { eventId: ready.event.id, workCode: code, criterionId: c.id, value: share(c, 0.5), idempotencyKey: `k${k++}` });
const times: number[] = [];
for (let i = 0; i < 40; i++) { const t0 = performance.now(); refreshEventBoards(db, ready.event.id); times.push(performance.now() - t0); putMark(db, ready.judges[0], { eventId: ready.event.id, workCode: codes[0], criterionId: ready.scheme.criteria[0].id, value: i % 2, idempotencyKey: `x${i}` }); }
times.sort((a, b) => a - b); console.log('refresh median ms', times[20].toFixed(2), 'marks', k);
