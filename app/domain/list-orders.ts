/**
 * The orders the organiser's lists offer. Each model ends its order on the row's id, so that a
 * page never repeats or skips a row whatever the order.
 */
export const ACCOUNT_SORTS = ['role', 'username', 'name', 'newest'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const SCHOOL_SORTS = ['prefecture', 'code', 'name'] as const;
export type SchoolSort = (typeof SCHOOL_SORTS)[number];

export const EVENT_SORTS = ['code', 'date', 'status'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export const JUDGE_SORTS = ['name', 'affiliation', 'newest'] as const;
export type JudgeSort = (typeof JUDGE_SORTS)[number];
