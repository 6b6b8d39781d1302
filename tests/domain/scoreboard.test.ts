import { describe, expect, it } from 'vitest';
import { allowedModes, boardView, isBoardMessage, medalTable, REVEAL_STEP_MS, type BoardState, type Standing } from '#app/domain/scoreboard.ts';

const standing = (i: number, total: number): Standing => ({
  teamId: i,
  workCode: `W${1000 + i}`,
  team: `队${i}`,
  school: `学校${i}`,
  prefecture: '长沙市',
  total,
  rank: i,
  partial: false,
  award: i === 1 ? 'first' : null,
});
const live = [standing(1, 90), standing(2, 80), standing(3, 70)];
const atFreeze = [standing(2, 60), standing(1, 50), standing(3, 40)].map((s, i) => ({ ...s, rank: i + 1 }));
const T0 = new Date('2026-11-23T09:00:00+08:00');
const at = (ms: number) => new Date(T0.getTime() + ms);
const state = (over: Partial<BoardState> = {}): BoardState => ({
  mode: 'anonymous',
  freezeAt: null,
  decryptedAt: null,
  published: false,
  live,
  atFreeze: null,
  progress: { teams: 3, absent: 0, marked: 10, expected: 30 },
  ...over,
});
const names = (rows: { team: string | null; school: string | null }[]) => rows.map((r) => r.team ?? r.school);

describe('the live modes', () => {
  it('named: names and totals live', () => {
    const view = boardView(state({ mode: 'named' }), 'public', T0);
    expect(view.rows.map((r) => [r.team, r.school, r.total])).toEqual([['队1', '学校1', 90], ['队2', '学校2', 80], ['队3', '学校3', 70]]);
  });

  it('anonymous: work codes and totals, no name before decryption, for the public and the staff alike', () => {
    for (const audience of ['public', 'staff'] as const) {
      const view = boardView(state(), audience, T0);
      expect(view.rows.map((r) => [r.workCode, r.total])).toEqual([['W1001', 90], ['W1002', 80], ['W1003', 70]]);
      expect(names(view.rows)).toEqual([null, null, null]);
      expect(view.rows.every((r) => r.prefecture === null)).toBe(true);
    }
  });

  it('anonymous: after decryption names appear one by one from the bottom up, and all once published', () => {
    const decrypted = state({ decryptedAt: T0 });
    expect(names(boardView(decrypted, 'public', at(0)).rows)).toEqual([null, null, '队3']);
    expect(boardView(decrypted, 'public', at(0)).nextChangeAt).toEqual(at(REVEAL_STEP_MS));
    expect(names(boardView(decrypted, 'public', at(REVEAL_STEP_MS)).rows)).toEqual([null, '队2', '队3']);
    const done = boardView(decrypted, 'public', at(2 * REVEAL_STEP_MS));
    expect(names(done.rows)).toEqual(['队1', '队2', '队3']);
    expect(done.nextChangeAt).toBeNull();
    expect(names(boardView(state({ published: true }), 'public', T0).rows)).toEqual(['队1', '队2', '队3']);
  });

  it('hidden: only progress until publication', () => {
    const view = boardView(state({ mode: 'hidden' }), 'public', T0);
    expect(view.rows).toEqual([]);
    expect(names(boardView(state({ mode: 'hidden', published: true }), 'public', T0).rows)).toEqual(['队1', '队2', '队3']);
  });

  it('shows awards only once published', () => {
    expect(boardView(state({ mode: 'named' }), 'public', T0).rows[0].award).toBeNull();
    expect(boardView(state({ mode: 'named', published: true }), 'public', T0).rows[0].award).toBe('first');
  });

  it('allows names live only for events without judgement criteria', () => {
    expect(allowedModes(true)).not.toContain('named');
    expect(allowedModes(false)).toContain('named');
  });
});

describe('the freeze (封榜)', () => {
  const frozen = state({ mode: 'named', freezeAt: at(1000), atFreeze });

  it('shows the public the standings as at the freeze from the freeze time on, the staff the live ones', () => {
    expect(boardView(frozen, 'public', at(999)).frozen).toBe(false);
    expect(boardView(frozen, 'public', at(999)).nextChangeAt).toEqual(at(1000));
    const publicView = boardView(frozen, 'public', at(1000));
    expect(publicView.frozen).toBe(true);
    expect(publicView.rows.map((r) => [r.team, r.total])).toEqual([['队2', 60], ['队1', 50], ['队3', 40]]);
    const staffView = boardView(frozen, 'staff', at(1000));
    expect(staffView.frozen).toBe(false);
    expect(staffView.rows.map((r) => r.total)).toEqual([90, 80, 70]);
  });

  it('is lifted by publication', () => {
    const view = boardView({ ...frozen, published: true }, 'public', at(5000));
    expect(view.frozen).toBe(false);
    expect(view.rows.map((r) => r.total)).toEqual([90, 80, 70]);
  });
});

describe('the medal table', () => {
  it('orders by first prizes, then second, then third, and gives equal counts an equal place', () => {
    const table = medalTable([
      { group: '乙校', tier: 'second' },
      { group: '甲校', tier: 'first' },
      { group: '丙校', tier: 'second' },
      { group: '丁校', tier: 'third' },
      { group: '丁校', tier: 'third' },
    ]);
    expect(table.map((m) => [m.name, m.place, m.first, m.second, m.third, m.total])).toEqual([
      ['甲校', 1, 1, 0, 0, 1],
      ['丙校', 2, 0, 1, 0, 1],
      ['乙校', 2, 0, 1, 0, 1],
      ['丁校', 4, 0, 0, 2, 2],
    ]);
  });
});

describe('a board message as the phone checks it', () => {
  it('takes a board of the kind it asked for, and nothing else', () => {
    const event = { scope: 'event', eventId: 3, version: 7, rows: [], progress: { teams: 0, absent: 0, marked: 0, expected: 0 } };
    const overview = { scope: 'competition', competitionId: 1, version: 2, events: [], medals: { bySchool: [], byPrefecture: [] } };
    const delta = { scope: 'competition-delta', competitionId: 1, from: 2, version: 3, events: [] };
    expect(isBoardMessage(event, 'event')).toBe(true);
    expect(isBoardMessage(overview, 'competition')).toBe(true);
    expect(isBoardMessage(delta, 'competition-delta')).toBe(true);
    expect(isBoardMessage(event, 'competition')).toBe(false);
    expect(isBoardMessage({ ...event, version: '7' }, 'event')).toBe(false);
    expect(isBoardMessage({ ...event, rows: null }, 'event')).toBe(false);
    expect(isBoardMessage({ ...delta, from: undefined }, 'competition-delta')).toBe(false);
    for (const junk of [null, undefined, 3, 'board', []]) expect(isBoardMessage(junk, 'event')).toBe(false);
  });
});
