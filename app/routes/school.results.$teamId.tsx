import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppealStatus } from '#app/components/appeal-status.tsx';
import { formatScore } from '#app/domain/exact.ts';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { beijing } from '#app/components/award-list.tsx';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { Field, FormMessage } from '#app/components/field.tsx';
import { appealsOfSchool, canFileAppeal, fileAppeal } from '#app/models/appeal.server.ts';
import { teamFeedback } from '#app/models/feedback.server.ts';
import { announcementEndOf } from '#app/models/publication.server.ts';
import { appealFormInput } from '#app/schemas/awards.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '成绩反馈 · 楚怡杯竞赛系统' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const feedback = modelRead(request, () => teamFeedback(context.db, actor, numericParam(params.teamId)));
  const endsAt = announcementEndOf(context.db, feedback.event.id);
  const appeals = appealsOfSchool(context.db, actor, actor.schoolId!).filter((a) => a.teamId === feedback.team.id);
  return json({ feedback, endsAt, appeals, canAppeal: canFileAppeal(context.db, actor, feedback.team.id) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const teamId = numericParam(params.teamId);
  const parsed = await parseForm(request, context, appealFormInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const file = parsed.form.get('attachment');
  const attachment = file && typeof file !== 'string' && file.size > 0 ? { name: file.name, data: Buffer.from(await file.arrayBuffer()) } : null;
  try {
    fileAppeal(context.db, actor, { teamId, reason: parsed.data.reason, attachment });
  } catch (error) {
    return formFailure(request, error, { reason: parsed.data.reason });
  }
  return json({ ok: true as const });
}

function Cells({ line }: { line: { ours: number | null; mean: number | null; best: number | null; max: number } }) {
  return (
    <>
      {/* Every score with the two decimals it is kept to, as on every page. */}
      <td className="num">{formatScore(line.ours)}</td>
      <td className="num">{formatScore(line.mean)}</td>
      <td className="num">{formatScore(line.best)}</td>
      <td className="num">{formatScore(line.max)}</td>
    </>
  );
}

export default function TeamFeedback() {
  const { feedback, endsAt, appeals, canAppeal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { t, i18n } = useTranslation();
  const failed = result && !result.ok ? result : null;
  return (
    <>
      <article className="print-a4">
        <h1>{feedback.event.code} {feedback.event.name} · {t('awards.feedback')}</h1>
        <p className="facts">
          <span>{feedback.team.name}</span>
          <span>{t('awards.rank')}：{feedback.rank ?? '—'} / {feedback.competed}</span>
        </p>
        <p>{t('awards.feedbackIntro')}</p>
        <Table label={t('awards.feedback')} columns={[{ label: <>{t('awards.module')} / {t('awards.criterion')}</> }, { label: t('awards.ours'), num: true }, { label: t('awards.mean'), num: true }, { label: t('awards.best'), num: true }, { label: t('awards.max'), num: true }]} testId="feedback">
          {feedback.modules.map((m) => [
            <tr key={m.code} className="module-row">
              <th scope="row">{m.code} {m.name}</th>
              <Cells line={m} />
            </tr>,
            ...m.criteria.map((c) => (
              <tr key={`${m.code}-${c.code}`}>
                <td style={{ paddingLeft: '1.5rem' }}>{c.code} {c.name}</td>
                <Cells line={c} />
              </tr>
            )),
          ])}
          <tr className="module-row">
            <th scope="row">{t('awards.total')}</th>
            <Cells line={feedback.total} />
          </tr>
        </Table>
        <p className="no-print"><button type="button" onClick={() => window.print()}>{t('awards.print')}</button></p>
      </article>

      <section className="panel no-print" aria-labelledby="appeal">
        <h2 id="appeal" style={{ marginTop: 0 }}>{t('appeals.title')}</h2>
        {appeals.map((a) => (
          <p key={a.id} data-testid="appeal-status">
            <AppealStatus status={a.status} /> · {a.reason}
            {a.decisionReason ? ` — ${a.decisionReason}` : ''}
            {a.status === 'upheld' ? ` · ${a.resolvedRunId ? t('appeals.resolved') : t('appeals.awaitingChief')}` : ''}
          </p>
        ))}
        <FormMessage error={failed?.formError} success={result?.ok ? t('appeals.filed') : null} />
        {canAppeal ? (
          <Form method="post" encType="multipart/form-data">
            <CsrfInput />
            <p>{t('appeals.openUntil', { date: beijing(endsAt!, i18n.language) })}</p>
            <Field name="reason" label={t('appeals.reason')} error={failed?.fields.reason}>
              <textarea id="reason" name="reason" required maxLength={2000} rows={4} defaultValue={failed?.values.reason ?? ''} />
            </Field>
            <Field name="attachment" label={t('appeals.attachment')} error={failed?.fields.attachment}>
              <input id="attachment" name="attachment" type="file" accept="application/pdf,image/png,image/jpeg" />
            </Field>
            <button type="submit" disabled={busy}>{t('appeals.file')}</button>
          </Form>
        ) : appeals.length === 0 ? (
          <p>{t('appeals.closed')}</p>
        ) : null}
      </section>
    </>
  );
}
