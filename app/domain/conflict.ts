/**
 * 回避: a judge never judges an event in which its own school has a team. The conflict can appear
 * at every step that brings a judge and a school into one event — assignment, approval, check-in,
 * the draw — and a conflicted judge's marks must not reach a locked result.
 */
export type PanelJudge = { judgeId: number; name: string; affiliationSchoolId: number | null };
export type CompetingSchool = { schoolId: number; name: string };
export type Conflict = { judgeId: number; judge: string; schoolId: number; school: string };

export function findConflicts(panel: readonly PanelJudge[], competing: readonly CompetingSchool[]): Conflict[] {
  const bySchool = new Map(competing.map((s) => [s.schoolId, s.name]));
  const out: Conflict[] = [];
  for (const j of panel) {
    const school = j.affiliationSchoolId === null ? undefined : bySchool.get(j.affiliationSchoolId);
    if (school !== undefined) out.push({ judgeId: j.judgeId, judge: j.name, schoolId: j.affiliationSchoolId!, school });
  }
  return out.sort((a, b) => a.judgeId - b.judgeId);
}
