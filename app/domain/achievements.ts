/** An inheritor's later record: the kinds of achievement the organiser enters after a nomination. */
export const ACHIEVEMENT_KINDS = ['national_team', 'national', 'world', 'other'] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];
