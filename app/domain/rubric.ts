/**
 * The online review's rubric (评分标准, #16): each category scores its entries on a few criteria,
 * each with a maximum and level descriptors (优/良/中/差) a reviewer reads beside the work. The
 * reviewer's total is the exact sum of the criteria's marks, in hundredths. Pure: no I/O.
 */
import { toHundredths } from './exact.ts';
import type { CompetitionKind } from './works.ts';

export type RubricLevel = { name: string; /** The level starts at this share of the maximum, in percent. */ fromPercent: number; descriptor: string };
export type RubricCriterion = { code: string; name: string; max: number; levels: readonly RubricLevel[] };
export type Rubric = readonly RubricCriterion[];

const levels = (excellent: string, good: string, fair: string, weak: string): RubricLevel[] => [
  { name: '优', fromPercent: 85, descriptor: excellent },
  { name: '良', fromPercent: 70, descriptor: good },
  { name: '中', fromPercent: 60, descriptor: fair },
  { name: '差', fromPercent: 0, descriptor: weak },
];

/** 文明风采: theme, content, creativity and craft — 100 points. */
export const WORKS_RUBRIC: Rubric = [
  { code: 'theme', name: '主题立意', max: 30, levels: levels('主题鲜明，立意深刻，体现职业精神与时代风貌', '主题明确，立意较好', '主题基本明确，立意一般', '主题模糊或偏离') },
  { code: 'content', name: '内容表达', max: 30, levels: levels('内容充实真实，结构严谨，表达流畅感人', '内容较充实，结构清楚', '内容单薄，表达平淡', '内容空泛，表达混乱') },
  { code: 'creativity', name: '创意特色', max: 20, levels: levels('构思新颖独特，富有感染力', '有一定新意', '新意不足', '缺乏创意') },
  { code: 'craft', name: '技术艺术', max: 20, levels: levels('技法娴熟，画面/文字/声音质量高', '技法较好，质量较高', '技法一般', '技法粗糙，质量差') },
];

/** 创新创业: innovation, value, feasibility and the team — 100 points. */
export const INNOVATION_RUBRIC: Rubric = [
  { code: 'innovation', name: '创新性', max: 30, levels: levels('技术、产品或模式有明显原创突破', '有较好的改进与创新', '创新点有限', '缺乏创新') },
  { code: 'value', name: '商业与社会价值', max: 25, levels: levels('市场清晰，带动就业或服务产业成效突出', '市场与价值较明确', '价值论证不足', '价值不清') },
  { code: 'feasibility', name: '可行性', max: 25, levels: levels('方案完整，财务与实施路径可信', '方案较完整', '方案有明显缺口', '方案不可行') },
  { code: 'team', name: '团队', max: 20, levels: levels('分工合理，专业互补，导师支撑有力', '团队结构较合理', '团队能力不足', '团队不完整') },
];

export function defaultRubric(kind: CompetitionKind): Rubric {
  return kind === 'innovation' ? INNOVATION_RUBRIC : WORKS_RUBRIC;
}

/** A category's rubric: its own, else its platform's default. */
export function rubricOf(rules: { rubric?: Rubric }, kind: CompetitionKind): Rubric {
  return rules.rubric ?? defaultRubric(kind);
}

/** The level a mark falls in, for showing the reviewer which descriptor they chose. */
export function levelOf(criterion: RubricCriterion, mark: number): RubricLevel {
  return criterion.levels.find((l) => mark * 100 >= l.fromPercent * criterion.max) ?? criterion.levels[criterion.levels.length - 1];
}

export type RubricMarks = Record<string, number>;
export type ScoredRubric = { ok: true; total: number; criteria: Record<string, number> } | { ok: false; fields: Record<string, string>; params: Record<string, number> };

/**
 * A reviewer's marks held to the rubric: every criterion marked, each from 0 to its maximum with
 * two decimals at most, nothing that is not a criterion. The total is their sum, in hundredths.
 */
export function scoreRubric(rubric: Rubric, marks: RubricMarks): ScoredRubric {
  const fields: Record<string, string> = {};
  const criteria: Record<string, number> = {};
  for (const code of Object.keys(marks)) if (!rubric.some((c) => c.code === code)) fields[code] = 'errors.review_unknown_criterion';
  for (const c of rubric) {
    const value = marks[c.code];
    const h = value === undefined ? null : toHundredths(value);
    if (value === undefined) fields[c.code] = 'errors.review_criterion_missing';
    else if (h === null || h < 0 || h > c.max * 100) fields[c.code] = 'errors.review_criterion_range';
    else criteria[c.code] = h;
  }
  if (Object.keys(fields).length) return { ok: false, fields, params: { count: Object.keys(fields).length } };
  return { ok: true, total: Object.values(criteria).reduce((a, b) => a + b, 0), criteria };
}
