/**
 * An event's rounds (#15): 省赛, then the selection rounds, each with the rule that decides who comes
 * in (declared before it opens, frozen at the cut); the cut previewed and made; withdrawals after it
 * replaced by the next in line; the 国赛推荐名单 from the last round.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { Field, FormMessage } from '#app/components/field.tsx';
import { Table } from '#app/components/table.tsx';
import type { AdvancementRule } from '#app/domain/advancement.ts';
import { formatScore, fromOrNull } from '#app/domain/exact.ts';
import { ModelError } from '#app/models/errors.ts';
import { addRound, advance, advancementsInto, listRounds, previewCut, recommend, recommendationList, setRecommendationRule, updateAdvancementRule, withdrawAdvancement } from '#app/models/round.server.ts';
import { addRoundForm, advanceForm, recommendationForm, recommendForm, ruleUpdateForm, withdrawForm } from '#app/schemas/rounds.server.ts';
import { languageOf, translator } from '#app/i18n/i18n.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '轮次与晋级 · 竞赛管理员' }];

/** A read that may be refused for now (the round before not locked yet): its words instead. */
function orReason<T>(request: Request, read: () => T): { value: T | null; reason: string | null } {
  try {
    return { value: read(), reason: null };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { value: null, reason: String(translator(languageOf(request))(`errors.${error.code}`, error.params)) };
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const eventId = numericParam(params.eventId);
  const { first, rounds, recommendation } = listRounds(context.db, actor, eventId);
  const later = rounds.filter((r) => r.roundNo > 1);
  return json({
    first,
    rounds,
    recommendation,
    cuts: Object.fromEntries(later.map((r) => [r.id, r.advancedAt ? { value: null, reason: null } : orReason(request, () => previewCut(context.db, actor, r.id))])),
    entrants: Object.fromEntries(later.filter((r) => r.advancedAt).map((r) => [r.id, advancementsInto(context.db, actor, r.id)])),
    list: recommendation.recommendedAt ? recommendationList(context.db, actor, first.id) : null,
  });
}

const SCHEMAS = { addRound: addRoundForm, rule: ruleUpdateForm, advance: advanceForm, withdraw: withdrawForm, recommendation: recommendationForm, recommend: recommendForm } as const;
type Intent = keyof typeof SCHEMAS;
const intentOf = (form: FormData): Intent => (String(form.get('intent')) in SCHEMAS ? (String(form.get('intent')) as Intent) : 'addRound');

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const eventId = numericParam(params.eventId);
  const parsed = await parseForm(request, context, (form) => SCHEMAS[intentOf(form)]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const intent = intentOf(parsed.form);
  const data = parsed.data as Record<string, unknown>;
  const db = context.db;
  try {
    switch (intent) {
      case 'addRound': {
        const input = data as { name: string; rule: AdvancementRule; basis: null; scheduledOn: string | null };
        addRound(db, actor, eventId, input);
        return json({ ok: true as const, intent, message: 'rounds.added' });
      }
      case 'rule': {
        const input = data as { roundId: number; rule: AdvancementRule; basis: null; reason: string };
        updateAdvancementRule(db, actor, input.roundId, input);
        return json({ ok: true as const, intent, message: 'rounds.ruleSaved' });
      }
      case 'advance':
        advance(db, actor, (data as { roundId: number }).roundId);
        return json({ ok: true as const, intent, message: 'rounds.advanced' });
      case 'withdraw': {
        const input = data as { advancementId: number; reason: string };
        const { replacement } = withdrawAdvancement(db, actor, input.advancementId, input.reason);
        return json({ ok: true as const, intent, message: replacement ? 'rounds.replaced' : 'rounds.noReplacement', replacement });
      }
      case 'recommendation':
        setRecommendationRule(db, actor, eventId, data as { rule: AdvancementRule; basis: null });
        return json({ ok: true as const, intent, message: 'rounds.ruleSaved' });
      case 'recommend':
        recommend(db, actor, eventId);
        return json({ ok: true as const, intent, message: 'rounds.recommended' });
    }
  } catch (error) {
    return formFailure(request, error);
  }
}

type Rounds = ReturnType<typeof useLoaderData<typeof loader>>['rounds'];

/** The rule's fields, and a weight for each round before (blank: the round before alone). */
function RuleFields({ earlier, rule, prefix }: { earlier: Rounds; rule?: AdvancementRule | null; prefix: string }) {
  const { t } = useTranslation();
  const id = (name: string) => `${prefix}-${name}`;
  const num = (name: keyof AdvancementRule, value: number | null | undefined, step = '1') => (
    <Field name={id(name)} label={t(`rounds.field.${name}`)}>
      <input id={id(name)} name={`rule.${name === 'topShareBp' ? 'topPercent' : name}`} type="number" min="0" step={step} defaultValue={value ?? ''} inputMode="decimal" />
    </Field>
  );
  return (
    <div className="filters">
      <Field name={id('unit')} label={t('rounds.field.unit')}>
        <select id={id('unit')} name="rule.unit" defaultValue={rule?.unit ?? 'team'}>
          <option value="team">{t('rounds.unit.team')}</option>
          <option value="contestant">{t('rounds.unit.contestant')}</option>
        </select>
      </Field>
      {num('top', rule?.top)}
      {num('topShareBp', rule?.topShareBp === null || rule?.topShareBp === undefined ? null : rule.topShareBp / 100, '0.01')}
      {num('minTotal', fromOrNull(rule?.minTotal), '0.01')}
      {num('perSchool', rule?.perSchool)}
      {num('perPrefecture', rule?.perPrefecture)}
      <Field name={id('tieAtCut')} label={t('rounds.field.tieAtCut')}>
        <select id={id('tieAtCut')} name="rule.tieAtCut" defaultValue={rule?.tieAtCut ?? 'down'}>
          <option value="down">{t('rounds.tie.down')}</option>
          <option value="up">{t('rounds.tie.up')}</option>
        </select>
      </Field>
      {num('minEntrants', rule?.minEntrants ?? 1)}
      {earlier.length > 1
        ? earlier.map((r) => (
            <Field key={r.id} name={id(`w${r.id}`)} label={t('rounds.field.weight', { round: r.roundName })} hint={t('rounds.weightHint')}>
              <input id={id(`w${r.id}`)} name={`weight.r${r.id}`} type="number" min="0" max="100" step="0.01" inputMode="decimal" />
            </Field>
          ))
        : null}
    </div>
  );
}

export default function RoundsPage() {
  const { first, rounds, recommendation, cuts, entrants, list } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t } = useTranslation();
  const last = rounds.at(-1)!;
  return (
    <>
      <p><Link to={`/admin/events/${first.id}`}>← {first.code} {first.name}</Link></p>
      <h1>{t('rounds.title', { code: first.code, name: first.name })}</h1>
      <p>{t('rounds.intro')}</p>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t(result.message, { name: 'replacement' in result ? (result.replacement?.name ?? '') : '' }) : null} />

      <Table label={t('rounds.list')} className="cards" columns={[t('rounds.round'), t('registration.status'), t('rounds.entrants'), t('rounds.rule')]}>
        {rounds.map((r) => (
          <tr key={r.id}>
            <td className="card-title"><Link to={`/admin/events/${r.id}`}>{r.roundNo}. {r.roundName}</Link></td>
            <td data-label={t('registration.status')}>{t(`eventStatuses.${r.status}`)}</td>
            <td data-label={t('rounds.entrants')}>{r.entrants}</td>
            <td data-label={t('rounds.rule')}>{r.ruleText ? <>{r.ruleText}<br /><small className="muted">{r.basisText}</small></> : t('rounds.byRegistration')}</td>
          </tr>
        ))}
      </Table>

      {rounds.filter((r) => r.roundNo > 1).map((r, i) => {
        const cut = cuts[r.id];
        return (
          <section key={r.id} className="panel stack" aria-labelledby={`round-${r.id}`}>
            <h2 id={`round-${r.id}`}>{t('rounds.cutInto', { round: r.roundName })}</h2>
            {r.advancedAt ? (
              <>
                <p className="muted">{t('rounds.frozen')}</p>
                <ul>{r.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
                <Table label={t('rounds.entrants')} className="cards" columns={[t('rounds.rank'), t('registration.team'), t('registration.school'), t('rounds.total'), t('accounts.actions')]}>
                  {(entrants[r.id] ?? []).map((e) => (
                    <tr key={e.id}>
                      <td className="card-title">{t('rounds.rankN', { rank: e.rank })}{e.replacesId ? <span className="badge">{t('rounds.replacement')}</span> : null}</td>
                      <td data-label={t('registration.team')}>{e.team}</td>
                      <td data-label={t('registration.school')}>{e.school}</td>
                      <td data-label={t('rounds.total')}>{formatScore(fromOrNull(e.total))}</td>
                      <td>
                        {e.withdrawnAt ? (
                          <span className="badge">{t('rounds.withdrawn')}</span>
                        ) : r.status === 'scheduled' || r.status === 'checking_in' ? (
                          <details>
                            <summary>{t('rounds.withdraw')}</summary>
                            <Form method="post" className="filters">
                              <CsrfInput />
                              <input type="hidden" name="intent" value="withdraw" />
                              <input type="hidden" name="advancementId" value={e.id} />
                              <input name="reason" aria-label={`${t('dashboard.reason')} ${e.team}`} placeholder={t('dashboard.reason')} required maxLength={500} />
                              <button type="submit" className="button-secondary" disabled={busy}>{t('rounds.withdraw')}</button>
                            </Form>
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </Table>
              </>
            ) : (
              <>
                <p>{r.ruleText} {r.basisText}</p>
                {cut?.reason ? <p className="notice notice-warn">{cut.reason}</p> : null}
                {cut?.value ? (
                  <>
                    <ul>{cut.value.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
                    <Table label={t('rounds.wouldAdvance')} className="cards" columns={[t('rounds.rank'), t('rounds.who'), t('registration.school'), t('rounds.total')]}>
                      {cut.value.advancing.map((c) => (
                        <tr key={c.key}>
                          <td className="card-title">{t('rounds.rankN', { rank: c.rank })}</td>
                          <td data-label={t('rounds.who')}>{c.name}</td>
                          <td data-label={t('registration.school')}>{c.school}</td>
                          <td data-label={t('rounds.total')}>{formatScore(fromOrNull(c.total))}</td>
                        </tr>
                      ))}
                    </Table>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="advance" />
                      <input type="hidden" name="roundId" value={r.id} />
                      <button type="submit" disabled={busy || !cut.value.enough}>{t('rounds.advance', { count: cut.value.advancing.length, round: r.roundName })}</button>
                    </Form>
                  </>
                ) : null}
                <details>
                  <summary>{t('rounds.changeRule')}</summary>
                  <Form method="post" className="stack">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="rule" />
                    <input type="hidden" name="roundId" value={r.id} />
                    <RuleFields earlier={rounds.slice(0, i + 1)} rule={r.rule} prefix={`r${r.id}`} />
                    <Field name={`reason-${r.id}`} label={t('dashboard.reason')}>
                      <input id={`reason-${r.id}`} name="reason" required maxLength={500} />
                    </Field>
                    <button type="submit" className="button-secondary" disabled={busy}>{t('rounds.saveRule')}</button>
                  </Form>
                </details>
              </>
            )}
          </section>
        );
      })}

      {!recommendation.recommendedAt ? (
        <section className="panel stack" aria-labelledby="add-round">
          <h2 id="add-round">{t('rounds.add')}</h2>
          {/* Keyed by the number of rounds: once one is added, the form starts empty for the next. */}
          <Form method="post" className="stack" key={rounds.length}>
            <CsrfInput />
            <input type="hidden" name="intent" value="addRound" />
            <div className="filters">
              <Field name="round-name" label={t('rounds.field.name')}>
                <input id="round-name" name="name" required maxLength={40} placeholder={t('rounds.namePlaceholder', { n: last.roundNo })} />
              </Field>
              <Field name="round-date" label={t('dashboard.scheduledOn')}>
                <input id="round-date" name="scheduledOn" type="date" />
              </Field>
            </div>
            <p className="muted">{t('rounds.ruleFor', { round: last.roundName })}</p>
            <RuleFields earlier={rounds} prefix="new" />
            <button type="submit" disabled={busy}>{t('rounds.add')}</button>
          </Form>
        </section>
      ) : null}

      <section className="panel stack" aria-labelledby="recommendation">
        <h2 id="recommendation">{t('rounds.recommendation')}</h2>
        {recommendation.ruleText ? <p>{recommendation.ruleText} {recommendation.basisText}</p> : <p className="muted">{t('rounds.noRecommendationRule')}</p>}
        {list ? (
          <>
            <ul>{list.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
            <p>
              <Link to={`/results/${first.id}/recommendation`}>{t('rounds.openList')}</Link> ·{' '}
              <a href={`/api/v1/events/${first.id}/recommendation.xlsx`} download>{t('rounds.downloadList')}</a>
            </p>
          </>
        ) : (
          <>
            <details open={!recommendation.ruleText}>
              <summary>{t('rounds.setRecommendation')}</summary>
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="recommendation" />
                <RuleFields earlier={rounds} rule={recommendation.rule} prefix="rec" />
                <button type="submit" className="button-secondary" disabled={busy}>{t('rounds.saveRule')}</button>
              </Form>
            </details>
            {recommendation.ruleText ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="recommend" />
                <button type="submit" disabled={busy}>{t('rounds.recommend', { round: last.roundName })}</button>
              </Form>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
