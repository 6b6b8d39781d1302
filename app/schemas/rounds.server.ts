/**
 * Rounds and advancement at the boundary (#15): the API's JSON (numbers are numbers) and the
 * organiser's forms (every value text, blanks meaning “not set”), both giving the domain's rule:
 * percentages as basis points, totals as hundredths.
 */
import { ADVANCEMENT_UNITS, type AdvancementRule } from '#app/domain/advancement.ts';
import { toHundredths } from '#app/domain/exact.ts';
import type { RoundWeight } from '#app/domain/round-basis.ts';
import { jsonId } from './common.server.ts';
import { z } from './zod.server.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const twoDecimals = (v: number) => toHundredths(v) !== null;

/** The same fields as JSON numbers or as form text. */
function ruleFields(fromForm: boolean) {
  const count = fromForm ? z.preprocess(blank, z.coerce.number().int().positive().nullable()) : z.number().int().positive().nullable();
  const amount = (max: number) => (fromForm ? z.preprocess(blank, z.coerce.number().positive().max(max).nullable()) : z.number().positive().max(max).nullable());
  return z
    .object({
      unit: z.enum(ADVANCEMENT_UNITS).default('team'),
      top: count.default(null).describe('前 N 名 (top N)'),
      topPercent: amount(100).default(null).refine((v) => v === null || twoDecimals(v), { message: 'errors.advancement_rule_invalid' }).describe('前百分之几，25 表示 25% (top %)'),
      minTotal: amount(100_000).default(null).refine((v) => v === null || twoDecimals(v), { message: 'errors.advancement_rule_invalid' }).describe('最低总分 (minimum total)'),
      perSchool: count.default(null).describe('每校至多 (cap per school)'),
      perPrefecture: count.default(null).describe('每个市州至多 (cap per prefecture)'),
      tieAtCut: z.enum(['up', 'down']).default('down').describe('界线处并列：up 一同晋级，down 一同不晋级 (a tie at the cut goes up or down whole)'),
      minEntrants: (fromForm ? z.preprocess(blank, z.coerce.number().int().positive()) : z.number().int().positive()).default(1).describe('下一轮至少多少队（人）(minimum entrants of the next round)'),
    })
    .transform(
      (r): AdvancementRule => ({
        unit: r.unit,
        top: r.top,
        topShareBp: r.topPercent === null ? null : toHundredths(r.topPercent),
        minTotal: r.minTotal === null ? null : toHundredths(r.minTotal),
        perSchool: r.perSchool,
        perPrefecture: r.perPrefecture,
        tieAtCut: r.tieAtCut,
        minEntrants: r.minEntrants,
      }),
    );
}

const weightsJson = z
  .array(z.object({ roundId: jsonId, weightPercent: z.number().positive().max(100).refine(twoDecimals, { message: 'errors.round_weights_invalid' }) }))
  .nullable()
  .default(null)
  .transform((ws): RoundWeight[] | null => (ws === null ? null : ws.map((w) => ({ roundId: w.roundId, weightBp: toHundredths(w.weightPercent)! }))))
  .describe('按权重合并各轮总分，如 [{roundId, weightPercent: 30}, …]；不给则按上一轮总分 (a weighted combination of rounds; none: the round before, alone)');

export const advancementRuleJson = ruleFields(false);
export const roundApiInput = z.object({ name: z.string().trim().min(1).max(40), rule: advancementRuleJson, basis: weightsJson, scheduledOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null) });
export const advancementApiInput = z.object({ rule: advancementRuleJson, basis: weightsJson, reason: z.string().trim().min(1).max(500) });
export const recommendationApiInput = z.object({ rule: advancementRuleJson, basis: weightsJson });
export const withdrawApiInput = z.object({ reason: z.string().trim().min(1).max(500) });

const basisOf = (weight: Record<string, number | null>): RoundWeight[] | null => {
  const given = Object.entries(weight).filter(([, w]) => w !== null && w > 0);
  return given.length ? given.map(([id, w]) => ({ roundId: Number(id.replace(/^r/, '')), weightBp: toHundredths(w!) ?? 0 })) : null;
};

/**
 * A rounds-page form with a rule: `rule.*` fields, and one `weight.r<roundId>` per earlier round
 * (blank everywhere: ranked by the round before alone), beside the form's own fields.
 */
const ruleFormFields = z.object({ rule: ruleFields(true), weight: z.record(z.string(), z.preprocess(blank, z.coerce.number().min(0).max(100).nullable())).default({}) });
const withBasis = <T extends { weight: Record<string, number | null> }>({ weight, ...rest }: T) => ({ ...rest, basis: basisOf(weight) });

const formId = z.coerce.number().int().positive();
const reason = z.string().trim().min(1).max(500);
export const addRoundForm = ruleFormFields.extend({ name: z.string().trim().min(1).max(40), scheduledOn: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable()).default(null) }).transform(withBasis);
export const ruleUpdateForm = ruleFormFields.extend({ roundId: formId, reason }).transform(withBasis);
export const recommendationForm = ruleFormFields.transform(withBasis);
export const advanceForm = z.object({ roundId: formId });
export const withdrawForm = z.object({ advancementId: formId, reason });
export const recommendForm = z.object({});
