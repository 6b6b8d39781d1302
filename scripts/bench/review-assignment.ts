/**
 * The online review's assignment at province scale (#16): 10,000 entries × 3 reviewers among 600
 * reviewers from 700 schools in 14 prefectures (a tenth of them from industry), with 回避 by school
 * and prefecture; prints the time (median of runs) and the load spread.
 *
 *   npm run bench:review -- --entries 10000 --reviewers 600 --runs 5
 */
import { parseArgs } from 'node:util';
import { assignReviewers, loadSpread, type ReviewEntry, type Reviewer } from '../../app/domain/review-assignment.ts';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '10000' }, reviewers: { type: 'string', default: '600' }, per: { type: 'string', default: '3' }, runs: { type: 'string', default: '5' } } });
const [n, m, per, runs] = [values.entries, values.reviewers, values.per, values.runs].map(Number);
const SCHOOLS = 700;
const prefectureOf = (school: number) => (school % 14) + 1;
const entries: ReviewEntry[] = Array.from({ length: n }, (_, i) => {
  const school = ((i * 7919) % SCHOOLS) + 1;
  return { id: i + 1, schoolId: school, prefectureId: prefectureOf(school) };
});
const reviewers: Reviewer[] = Array.from({ length: m }, (_, i) => {
  if (i % 10 === 0) return { id: 100_000 + i, schoolId: null, prefectureId: null };
  const school = ((i * 104729) % SCHOOLS) + 1;
  return { id: 100_000 + i, schoolId: school, prefectureId: prefectureOf(school) };
});

const times: number[] = [];
let last!: ReturnType<typeof assignReviewers>;
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  last = assignReviewers(entries, reviewers, { perEntry: per, seed: r + 1 });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const { max, min } = loadSpread(last);
const median = times[Math.floor(times.length / 2)];
console.log(`${n} entries × ${per} reviewers among ${m} (回避 by school and prefecture)`);
console.log(`assignment: median ${median.toFixed(0)} ms of ${runs} runs (min ${times[0].toFixed(0)}, max ${times.at(-1)!.toFixed(0)}); target ≤ 2,000 ms: ${median <= 2000 ? 'met' : 'NOT met'} (${(2000 / median).toFixed(0)}× under)`);
console.log(`load per reviewer: max ${max}, min ${min} (mean ${((n * per) / m).toFixed(2)}); entries short of ${per}: ${last.short.length}`);
