/**
 * 决赛现场: the chief judge (or the organiser) runs a final's stage — the drawn order, each team
 * called to pitch and then to questions against the clock the big screen and the phones show.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { StageClock } from '#app/components/stage-clock.tsx';
import { readEventBoard } from '#app/models/scoreboard.server.ts';
import { runStage, setStageTiming, stageDesk } from '#app/models/stage.server.ts';
import type { EventBoard } from '#app/realtime/messages.ts';
import { useLiveBoard } from '#app/realtime/use-live-board.ts';
import { stageDeskInput } from '#app/schemas/judging.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '决赛现场 · 路演答辩' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judging');
  const eventId = numericParam(params.eventId);
  return json(modelRead(request, () => ({ desk: stageDesk(context.db, actor, eventId), board: readEventBoard(context.db, actor, eventId, 'staff') })));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judging');
  const eventId = numericParam(params.eventId);
  const parsed = await parseForm(request, context, stageDeskInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === 'timing') setStageTiming(context.db, actor, eventId, { pitchSeconds: Math.round(input.pitchMinutes * 60), questionsSeconds: Math.round(input.questionsMinutes * 60) });
    else runStage(context.db, actor, eventId, input.intent === 'clear' ? { action: 'clear' } : { action: input.intent, workCode: input.workCode });
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, intent: input.intent });
}

export default function StageDesk() {
  const { desk, board: initial } = useLoaderData<typeof loader>();
  const { board } = useLiveBoard<EventBoard>({ scope: 'event', eventId: initial.eventId, audience: 'staff' }, initial as EventBoard);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useTranslation();
  const stage = board.stage;
  return (
    <>
      <p><Link to={`/chief/events/${board.eventId}`}>← {board.code} {board.name}</Link> · <Link to={`/screen?event=${board.eventId}`} target="_blank">{t('stage.bigScreen')}</Link></p>
      <h1>{t('stage.title', { code: board.code, name: board.name })}</h1>
      <FormMessage error={result && !result.ok ? result.formError : null} />
      <StageClock board={board} large />
      {!desk.open ? <p className="notice">{t('stage.notOpen')}</p> : null}
      {desk.order.length === 0 ? <p className="notice">{t('stage.noOrder')}</p> : null}
      <section className="panel" aria-labelledby="order">
        <h2 id="order" style={{ marginTop: 0 }}>{t('stage.order')}</h2>
        <ol className="stage-order">
          {desk.order.map((code) => (
            <li key={code} data-current={stage?.workCode === code ? stage.part : undefined}>
              <strong>{code}</strong>
              {stage?.workCode === code ? <span className="badge status-approved"> {t(`live.stage.${stage.part}`)}</span> : null}
              <Form method="post" className="inline-actions">
                <CsrfInput />
                <input type="hidden" name="workCode" value={code} />
                <button type="submit" name="intent" value="pitch" disabled={busy || !desk.open} aria-label={t('stage.pitchFor', { code })}>{t('stage.pitch', { minutes: desk.timing.pitchSeconds / 60 })}</button>
                {stage?.workCode === code ? <button type="submit" name="intent" value="questions" disabled={busy || !desk.open} aria-label={t('stage.questionsFor', { code })}>{t('stage.questions', { minutes: desk.timing.questionsSeconds / 60 })}</button> : null}
              </Form>
            </li>
          ))}
        </ol>
        {stage ? (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="clear" className="button-secondary" disabled={busy}>{t('stage.clear')}</button>
          </Form>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="timing">
        <h2 id="timing" style={{ marginTop: 0 }}>{t('stage.timing')}</h2>
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="timing" />
          <label>{t('stage.pitchMinutes')} <input name="pitchMinutes" inputMode="decimal" defaultValue={desk.timing.pitchSeconds / 60} style={{ maxWidth: '6rem' }} /></label>
          <label>{t('stage.questionsMinutes')} <input name="questionsMinutes" inputMode="decimal" defaultValue={desk.timing.questionsSeconds / 60} style={{ maxWidth: '6rem' }} /></label>
          <button type="submit" className="button-secondary" disabled={busy}>{t('stage.saveTiming')}</button>
        </Form>
      </section>
    </>
  );
}
