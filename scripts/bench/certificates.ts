/**
 * Certificate PDFs: the first one (which loads and parses the CJK font), then the time per
 * certificate once warm, and a school's zip of `--count` certificates built as the route builds it.
 *
 *   npm run bench:certificates -- --count 50
 */
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { ZipArchive } from 'archiver';
import { certificatePdf } from '../../app/models/certificate-pdf.server.ts';
import type { VerifiedCertificate } from '../../app/models/certificate.server.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '50' } } });
const count = Number(values.count);
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
const cert = (i: number): VerifiedCertificate => ({
  code: `CY-BNCH-${String(i).padStart(4, '0')}-0000-0000`,
  kind: 'award',
  holderName: `${SURNAMES[i % SURNAMES.length]}${'晓明思远雨涵子轩'.slice(i % 6, (i % 6) + 2)}`,
  revokedAt: null,
  issuedAt: new Date(),
  schoolId: 1,
  school: '湖南铁道职业技术学院',
  eventCode: 'GZ012',
  eventName: '工业机器人技术应用',
  competition: '2026年“楚怡杯”湖南省职业院校技能竞赛',
  year: 2026,
  award: 'first',
  nominationAwardId: null,
  awardKind: ['first', 'second', 'third'][i % 3],
});
const url = (i: number) => `https://chuyi.example.cn/verify/${cert(i).code}`;

let t = performance.now();
const first = await certificatePdf(cert(0), url(0));
const cold = performance.now() - t;

const times: number[] = [];
let bytes = 0;
for (let i = 1; i <= count; i++) {
  t = performance.now();
  bytes += (await certificatePdf(cert(i), url(i))).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;

t = performance.now();
const zip = new ZipArchive({ zlib: { level: 6 } });
const out = new PassThrough();
const chunks: Buffer[] = [];
out.on('data', (c: Buffer) => chunks.push(c));
zip.pipe(out);
for (let i = 0; i < count; i++) zip.append(await certificatePdf(cert(i), url(i)), { name: `${i}.pdf` });
await zip.finalize();
const zipMs = performance.now() - t;
const zipBytes = chunks.reduce((n, c) => n + c.length, 0);

const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`first certificate (font loaded and parsed): ${ms(cold)}, ${(first.length / 1024).toFixed(1)} KiB`);
console.log(`warm, ${count} certificates: mean ${ms(mean)}, p50 ${ms(times[Math.floor(count / 2)])}, p95 ${ms(times[Math.floor(count * 0.95)])}, ${(bytes / count / 1024).toFixed(1)} KiB each`);
console.log(`zip of ${count}: ${ms(zipMs)} (${ms(zipMs / count)} per certificate), ${(zipBytes / 1024).toFixed(0)} KiB`);
console.log(`cold / warm mean: ${(cold / mean).toFixed(1)}×`);

// What the requests' thread feels while a zip is made: the longest it could not answer anyone
// (event-loop delay), with the PDFs made here and made on the work threads, as the server does.
// A ticker every millisecond: the longest gap between its ticks is the longest the thread could not
// answer anyone. (The PDFs resolve without ever reaching the timers' phase, so while they are made
// here, the loop is held for the whole run.)
const { createWorkPool } = await import('../../app/jobs/pool.server.ts');
async function stalls(make: (i: number) => Promise<Buffer>) {
  const gaps: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await make(i);
  const took = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  gaps.sort((a, b) => a - b);
  return { took, p99: gaps[Math.floor(gaps.length * 0.99)] ?? 0, max: gaps.at(-1) ?? 0 };
}
const pool = createWorkPool();
await pool.certificatePdf({ cert: cert(0), verifyUrl: url(0) }); // the thread's start and font, as after the first certificate
const here = await stalls((i) => certificatePdf(cert(i), url(i)));
const threaded = await stalls((i) => pool.certificatePdf({ cert: cert(i), verifyUrl: url(i) }));
await pool.close();
console.log(`${count} certificates on the requests' thread: ${ms(here.took)}; longest gaps between ticks p99 ${ms(here.p99)}, max ${ms(here.max)}`);
console.log(`${count} certificates on ${pool.threads} work thread(s): ${ms(threaded.took)}; longest gaps between ticks p99 ${ms(threaded.p99)}, max ${ms(threaded.max)}`);
console.log(`longest stall, here / threaded: ${(here.max / threaded.max).toFixed(1)}×`);
