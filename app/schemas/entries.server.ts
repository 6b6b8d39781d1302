/** Entries of the works-based competitions at the API's boundary (#16). */
import { z } from './zod.server.ts';
import { requiredText } from './common.server.ts';
import { REVIEW_AGGREGATIONS } from '#app/domain/review-scores.ts';
import { organisationRuleInput } from './setup.server.ts';

/** A new entry of a works-based competition (a school's own; the organiser names the school). */
export const entryApiInput = z.object({ categoryId: z.number().int().positive(), title: z.string().trim().min(1).max(120), schoolId: z.number().int().positive().optional() });

export const reviewAssignApiInput = z.object({
  judgeIds: z.array(z.number().int().positive()).min(1).max(5000).describe('评审（裁判账号）(the reviewers: judges)'),
  perEntry: z.number().int().min(1).max(9).optional().describe('每件作品的评审人数，默认 3 (reviewers per entry)'),
  seed: z.number().int().optional(),
});

const text = (max: number) => z.string().trim().max(max);
export const entryPeopleApiInput = z.object({
  members: z.array(z.object({ name: text(40).min(1), idNumber: text(18).min(1), studentNumber: text(40).optional(), phone: text(20).optional() })).max(20),
  advisors: z.array(z.object({ name: text(40).min(1), title: text(40).optional(), phone: text(20).min(1), industry: z.boolean().default(false), organisation: text(80).optional() })).max(10),
});

export const reviewApiInput = z.object({
  criteria: z.record(z.string().max(40), z.number().min(0).max(100)).describe('按评分标准逐项打分：项目代码 → 分数（0 至该项满分，至多两位小数）(marks by the rubric: criterion code → mark); the total is their sum'),
  comment: z.string().trim().max(500).optional(),
  namesInFiles: z.boolean().optional().describe('文件中出现了姓名或校名（作品不再匿名）(a name appears in the files)'),
});

/** The chief reviewer's desk: a resolution of a disagreement (score and reason), or the lock. */
export const reviewDeskInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('resolve'), entryId: z.coerce.number().int().positive(), total: z.coerce.number().min(0).max(100), reason: requiredText(500) }),
  z.object({ intent: z.literal('lock') }),
]);

/** The school's entry pages: a new entry, its people (empty rows left out), its submission, a file without scripts. */
const formPerson = z.object({ name: z.string().trim().max(40).default(''), idNumber: z.string().trim().max(18).default('') });
const formAdvisor = z.object({ name: z.string().trim().max(40).default(''), phone: z.string().trim().max(20).default(''), organisation: z.string().trim().max(80).default(''), industry: z.literal('on').optional() });
export const entryDeskInput = z.object({ intent: z.literal('create'), categoryId: z.coerce.number().int().positive(), title: requiredText(120) });
export const entryPageInput = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('people'), members: z.array(formPerson).max(20).default([]), advisors: z.array(formAdvisor).max(10).default([]) }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('upload') }),
  z.object({ intent: z.literal('withdraw'), reason: requiredText(500) }),
]);
/** The API's withdrawal of an entry: why. */
export const withdrawEntryInput = z.object({ reason: requiredText(500).describe('撤回原因 (why)') });

/** The organiser's works desk: name the reviewers (checked judges) and how many per entry. */
export const worksDeskInput = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('assign'),
    judgeIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).min(1).max(5000)),
    perEntry: z.coerce.number().int().min(1).max(9).default(3),
  }),
  organisationRuleInput.extend({ intent: z.literal('organisationRule') }),
  z.object({ intent: z.literal('reviewRules'), categoryId: z.coerce.number().int().positive(), method: z.enum(REVIEW_AGGREGATIONS), normalise: z.literal('on').optional(), flagSpread: z.coerce.number().min(0).max(100) }),
]);

/** The API's resolution of a disagreement: the chief reviewer's score and reason. */
export const resolutionApiInput = z.object({ total: z.number().min(0).max(100).describe('裁定分 0–100，至多两位小数 (the resolved score)'), reason: requiredText(500).describe('裁定理由 (why)') });
/** The API's stage step: a team's pitch or questions, or the stage cleared. */
export const stageApiInput = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['pitch', 'questions']), workCode: requiredText(20) }),
  z.object({ action: z.literal('clear') }),
]);

/** A category's review rules: how totals combine, z-score normalisation, the spread that flags a disagreement (points). */
export const reviewRulesInput = z.object({
  method: z.enum(REVIEW_AGGREGATIONS).describe('trimmed_mean 去掉最高最低后平均、mean 平均、median 中位数'),
  normalise: z.boolean().describe('先按每位评审本人的评分标准化（z 分数）(standardise each reviewer\'s totals first)'),
  flagSpread: z.number().min(0).max(100).describe('评审分差超过此分即为分歧，交评审组长裁定 (the spread that flags a disagreement)'),
});
