/** The works-based competitions' rules (#16): file limits by category, quotas by enrolment, group sizes. */
import { describe, expect, it } from 'vitest';
import { entryProblems, fileProblem, INNOVATION_CATEGORIES, quotaForEnrolment, WORKS_CATEGORIES } from '#app/domain/works.ts';

const category = (code: string) => WORKS_CATEGORIES.find((c) => c.code === code)!;

describe('files of an entry', () => {
  it('holds each category to its kinds, size, pages and length, as published', () => {
    const essay = category('ZW');
    expect(fileProblem({ kind: 'pdf', bytes: 39 * 1024 }, essay)).toBeNull();
    expect(fileProblem({ kind: 'pdf', bytes: 41 * 1024 }, essay)).toMatchObject({ code: 'file_too_large', params: { max: 40 * 1024 } });
    expect(fileProblem({ kind: 'video', bytes: 1000 }, essay)).toMatchObject({ code: 'file_type' });
    const film = category('WDY');
    expect(fileProblem({ kind: 'video', bytes: 199 * 1024 * 1024, seconds: 590 }, film)).toBeNull();
    expect(fileProblem({ kind: 'video', bytes: 201 * 1024 * 1024, seconds: 100 }, film)?.code).toBe('file_too_large');
    expect(fileProblem({ kind: 'video', bytes: 10, seconds: 600.5 }, film)).toMatchObject({ code: 'file_too_long', params: { seconds: 601 } });
    expect(fileProblem({ kind: 'pdf', bytes: 100, pages: 31 }, category('ZY'))?.code).toBe('file_too_many_pages');
    expect(fileProblem({ kind: 'video', bytes: 11 * 1024 * 1024 }, category('DH'))?.code).toBe('file_too_large');
  });

  it('refuses what its content does not name, and an empty file, whatever the file is called', () => {
    expect(fileProblem({ kind: null, bytes: 100 }, category('SY'))?.code).toBe('file_type');
    expect(fileProblem({ kind: 'image', bytes: 0 }, category('SY'))?.code).toBe('file_empty');
  });
});

describe('entries', () => {
  it('sends 3, 4 or 5 entries by enrolment (under 2,000; 2,000–5,000; more)', () => {
    expect([1999, 2000, 4999, 5000, 30_000].map((n) => quotaForEnrolment(n))).toEqual([3, 4, 4, 5, 5]);
  });

  it('holds an innovation team to 3–15 students and up to 5 mentors, at least one from industry', () => {
    const group = INNOVATION_CATEGORIES[0];
    expect(entryProblems({ members: 3, advisors: 5, industryAdvisors: 1 }, group)).toEqual([]);
    expect(entryProblems({ members: 2, advisors: 6, industryAdvisors: 0 }, group)).toEqual(['entry_members', 'entry_advisors', 'entry_industry_advisor']);
    expect(entryProblems({ members: 16, advisors: 1, industryAdvisors: 1 }, group)).toEqual(['entry_members']);
    expect(entryProblems({ members: 1, advisors: 0, industryAdvisors: 0 }, category('ZW'))).toEqual([]);
  });
});
