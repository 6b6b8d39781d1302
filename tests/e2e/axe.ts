/** axe-core, Deque's accessibility engine, run inside the page (its source injected, nothing fetched). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** The page's violations of WCAG 2.1 A/AA (and best practice), worst first. */
export async function axe(page: Page): Promise<Violation[]> {
  await page.evaluate(source);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as Violation[];
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return violations.sort((a, b) => order.indexOf(a.impact ?? 'minor') - order.indexOf(b.impact ?? 'minor'));
}

/** Violations that block people: critical and serious. */
export const blocking = (violations: Violation[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');

export const describe = (violations: Violation[]) => violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');
