/** The review's rubric: every criterion marked within its maximum, two decimals at most, nothing else; the total their exact sum; the level a mark falls in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INNOVATION_RUBRIC, levelOf, rubricOf, scoreRubric, WORKS_RUBRIC } from '#app/domain/rubric.ts';

describe('the rubric', () => {
  it('sums the marks exactly, in hundredths', () => {
    expect(scoreRubric(WORKS_RUBRIC, { theme: 27.5, content: 26.35, creativity: 18.1, craft: 17.05 })).toEqual({ ok: true, total: 8900, criteria: { theme: 2750, content: 2635, creativity: 1810, craft: 1705 } });
    // Order-free and exact for any marks within the maxima.
    fc.assert(
      fc.property(fc.tuple(...WORKS_RUBRIC.map((c) => fc.integer({ min: 0, max: c.max * 100 }))), (hundredths) => {
        const marks = Object.fromEntries(WORKS_RUBRIC.map((c, i) => [c.code, hundredths[i] / 100]));
        const scored = scoreRubric(WORKS_RUBRIC, marks);
        expect(scored.ok && scored.total).toBe(hundredths.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('names every criterion that is missing, out of range, over two decimals or not in the rubric', () => {
    const scored = scoreRubric(WORKS_RUBRIC, { theme: 31, content: 20.555, creativity: -1, wow: 5 });
    expect(scored).toEqual({
      ok: false,
      fields: { theme: 'errors.review_criterion_range', content: 'errors.review_criterion_range', creativity: 'errors.review_criterion_range', craft: 'errors.review_criterion_missing', wow: 'errors.review_unknown_criterion' },
      params: { count: 5 },
    });
  });

  it('shows the level a mark falls in (优 from 85 %, 良 from 70 %, 中 from 60 %)', () => {
    const theme = WORKS_RUBRIC[0]; // out of 30
    expect([30, 25.5, 25.49, 21, 18, 17.99, 0].map((m) => levelOf(theme, m).name)).toEqual(['优', '优', '良', '良', '中', '差', '差']);
  });

  it('uses a category’s own rubric, else its platform’s', () => {
    expect(rubricOf({}, 'innovation')).toBe(INNOVATION_RUBRIC);
    expect(rubricOf({}, 'works')).toBe(WORKS_RUBRIC);
    const own = [{ code: 'x', name: '构思', max: 100, levels: WORKS_RUBRIC[0].levels }];
    expect(rubricOf({ rubric: own }, 'works')).toBe(own);
    expect(WORKS_RUBRIC.reduce((a, c) => a + c.max, 0)).toBe(100);
    expect(INNOVATION_RUBRIC.reduce((a, c) => a + c.max, 0)).toBe(100);
  });
});
