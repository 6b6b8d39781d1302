/**
 * The works-based competitions (#16) beside the skills competition: the 创新创业大赛 (innovation)
 * and 文明风采 (works). Their rules as defaults a competition may change: categories with group sizes
 * and file limits, entries per school by enrolment band, and the award shares. Pure: no I/O.
 */

/** The three platforms that feed the one inheritor register. */
export const COMPETITION_KINDS = ['skills', 'innovation', 'works'] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];

/** What a file is, by its content (never its name). */
export const FILE_KINDS = ['pdf', 'image', 'video', 'audio', 'text', 'document', 'presentation'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
/** The kinds as a school reads them in a refusal (Chinese first, as every message). */
export const FILE_KIND_NAMES: Record<FileKind, string> = { pdf: 'PDF', image: '图片', video: '视频', audio: '音频', text: '文本', document: 'Word 文档', presentation: '演示文稿' };

import type { Rubric } from './rubric.ts';
import type { ReviewRules } from './review-scores.ts';

const KB = 1024;
const MB = 1024 * KB;

export type Category = {
  code: string;
  name: string;
  /** Students per entry (an individual work: 1 to 1). */
  minMembers: number;
  maxMembers: number;
  maxAdvisors: number;
  /** At least this many advisors from industry (创新创业: mentors from enterprises). */
  minIndustryAdvisors: number;
  /** The files an entry brings: which kinds, how many, how large, how long. */
  files: { kinds: readonly FileKind[]; maxFiles: number; maxBytes: number; maxPages?: number; maxSeconds?: number };
  /** The review's criteria; without one, the platform's default (rubric.ts). */
  rubric?: Rubric;
  /** How reviewers' totals are combined and when they disagree; without, the default (review-scores.ts). */
  review?: ReviewRules;
};

/** 文明风采: school → prefecture → province; per-category file limits as published. */
export const WORKS_CATEGORIES: readonly Category[] = [
  { code: 'ZW', name: '征文演讲', minMembers: 1, maxMembers: 1, maxAdvisors: 1, minIndustryAdvisors: 0, files: { kinds: ['text', 'document', 'pdf'], maxFiles: 1, maxBytes: 40 * KB } },
  { code: 'ZY', name: '职业生涯规划', minMembers: 1, maxMembers: 1, maxAdvisors: 1, minIndustryAdvisors: 0, files: { kinds: ['document', 'pdf', 'presentation'], maxFiles: 1, maxBytes: 500 * KB, maxPages: 30 } },
  { code: 'SY', name: '摄影', minMembers: 1, maxMembers: 1, maxAdvisors: 1, minIndustryAdvisors: 0, files: { kinds: ['image'], maxFiles: 6, maxBytes: 10 * MB } },
  { code: 'DH', name: '动画', minMembers: 1, maxMembers: 3, maxAdvisors: 2, minIndustryAdvisors: 0, files: { kinds: ['video'], maxFiles: 1, maxBytes: 10 * MB, maxSeconds: 180 } },
  { code: 'WDY', name: '微电影', minMembers: 1, maxMembers: 8, maxAdvisors: 2, minIndustryAdvisors: 0, files: { kinds: ['video'], maxFiles: 1, maxBytes: 200 * MB, maxSeconds: 600 } },
  { code: 'CY', name: '才艺展示', minMembers: 1, maxMembers: 10, maxAdvisors: 2, minIndustryAdvisors: 0, files: { kinds: ['video'], maxFiles: 1, maxBytes: 200 * MB, maxSeconds: 300 } },
];

/** 创新创业大赛: teams of 3–15 students with up to 5 mentors, at least one from industry. */
export const INNOVATION_CATEGORIES: readonly Category[] = [
  { code: 'CX', name: '创新组', minMembers: 3, maxMembers: 15, maxAdvisors: 5, minIndustryAdvisors: 1, files: { kinds: ['pdf', 'presentation', 'video'], maxFiles: 3, maxBytes: 50 * MB, maxPages: 40, maxSeconds: 300 } },
  { code: 'CY', name: '创业组', minMembers: 3, maxMembers: 15, maxAdvisors: 5, minIndustryAdvisors: 1, files: { kinds: ['pdf', 'presentation', 'video'], maxFiles: 3, maxBytes: 50 * MB, maxPages: 40, maxSeconds: 300 } },
];

/** Entries a school may send to the online review per group, by enrolment (创新创业 defaults). */
export const ENROLMENT_QUOTAS: readonly { below: number | null; entries: number }[] = [
  { below: 2000, entries: 3 },
  { below: 5000, entries: 4 },
  { below: null, entries: 5 },
];
/** At most this many of a school's entries in one group go on to the online review. */
export const MAX_ENTRIES_PER_SCHOOL_GROUP = 2;

export function quotaForEnrolment(students: number, bands = ENROLMENT_QUOTAS): number {
  return bands.find((b) => b.below === null || students < b.below)!.entries;
}

/** 文明风采's and 创新创业's awards by category: first, second and third prize near 5 / 15 / 20 %, then 优秀奖 for the next 20 %. */
export const WORKS_AWARD_RATIOS = { first: 0.05, second: 0.15, third: 0.2, merit: 0.2 } as const;

/** The division a works-based year's category events belong to, by platform. */
export const PLATFORM_DIVISIONS: Record<Exclude<CompetitionKind, 'skills'>, { code: string; name: string }> = {
  innovation: { code: 'SC', name: '创新创业大赛' },
  works: { code: 'WM', name: '文明风采' },
};
/** The round an entry category's event is first: the online review. */
export const ONLINE_REVIEW_ROUND = '网评';

export type FileFacts = { kind: FileKind | null; bytes: number; pages?: number | null; seconds?: number | null };

/**
 * Why a file cannot be part of an entry of this category, as an error code with its figures, or
 * null. `kind` is what the content says it is; an unknown content is refused whatever its name.
 */
export function fileProblem(file: FileFacts, category: Category): { code: string; params: Record<string, string | number> } | null {
  const limits = category.files;
  if (file.bytes === 0) return { code: 'file_empty', params: {} };
  if (file.kind === null || !limits.kinds.includes(file.kind)) return { code: 'file_type', params: { kinds: limits.kinds.map((k) => FILE_KIND_NAMES[k]).join('、') } };
  if (file.bytes > limits.maxBytes) return { code: 'file_too_large', params: { max: limits.maxBytes, size: file.bytes } };
  if (limits.maxPages !== undefined && file.pages != null && file.pages > limits.maxPages) return { code: 'file_too_many_pages', params: { max: limits.maxPages, pages: file.pages } };
  if (limits.maxSeconds !== undefined && file.seconds != null && file.seconds > limits.maxSeconds) return { code: 'file_too_long', params: { max: limits.maxSeconds, seconds: Math.ceil(file.seconds) } };
  return null;
}

export type EntryPeople = { members: number; advisors: number; industryAdvisors: number };

/** Why an entry's people do not fit its category, as error codes (every one, for the form). */
export function entryProblems(people: EntryPeople, category: Category): string[] {
  const problems: string[] = [];
  if (people.members < category.minMembers || people.members > category.maxMembers) problems.push('entry_members');
  if (people.advisors > category.maxAdvisors) problems.push('entry_advisors');
  if (people.industryAdvisors < category.minIndustryAdvisors) problems.push('entry_industry_advisor');
  return problems;
}
