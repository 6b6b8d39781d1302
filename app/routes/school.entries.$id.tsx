/** One entry of the school: its files (sent resumably), its students and advisors, and its submission. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { EntryUpload } from '#app/components/entry-upload.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { addEntryFile, entryForSchool, saveEntryPeople, submitEntry, withdrawEntry } from '#app/models/entry.server.ts';
import { ModelError } from '#app/models/errors.ts';
import { entryPageInput } from '#app/schemas/entries.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.entry.title ?? ''} · 作品申报` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  return json(modelRead(request, () => entryForSchool(context.db, actor, numericParam(params.id))));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const entryId = numericParam(params.id);
  const parsed = await parseForm(request, context, entryPageInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const input = parsed.data;
  try {
    if (input.intent === 'upload') {
      // Without scripts: the file posted whole (the resumable path is the page's script).
      const file = parsed.form.get('file');
      if (!file || typeof file === 'string' || file.size === 0) throw new ModelError(400, 'file_empty');
      await addEntryFile(context.db, actor, entryId, new Uint8Array(await file.arrayBuffer()), file.name, context.config.filesDir);
    } else if (input.intent === 'people') {
      saveEntryPeople(context.db, actor, entryId, {
        members: input.members.filter((m) => m.name || m.idNumber),
        advisors: input.advisors.filter((a) => a.name || a.phone).map((a) => ({ name: a.name, phone: a.phone, organisation: a.organisation || undefined, industry: a.industry === 'on' })),
      });
    } else if (input.intent === 'withdraw') withdrawEntry(context.db, actor, entryId, input.reason);
    else submitEntry(context.db, actor, entryId);
  } catch (error) {
    return formFailure(request, error);
  }
  return json({ ok: true as const, intent: input.intent });
}

const ACCEPT: Record<string, string> = { pdf: '.pdf', image: 'image/*', video: 'video/*', audio: 'audio/*', text: '.txt', document: '.doc,.docx', presentation: '.ppt,.pptx' };

export default function SchoolEntry() {
  const { entry, category, files, members, advisors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useTranslation();
  const draft = entry.status === 'draft' && !entry.withdrawn;
  const rules = category.rules;
  return (
    <>
      <p><Link to="/school/entries">← {t('works.entriesMine')}</Link></p>
      <h1>{entry.title} <span className="badge">{category.name}</span> <span className={`badge ${entry.withdrawn ? 'status-returned' : draft ? '' : 'status-approved'}`}>{t(`works.entryStatus.${entry.withdrawn ? 'withdrawn' : entry.status}`)}</span></h1>
      <FormMessage error={result && !result.ok ? result.formError : null} success={result?.ok ? t(`works.done.${result.intent}`) : null} />
      {result && !result.ok && result.fields ? (
        <ul className="field-error">{Object.entries(result.fields).map(([k, v]) => <li key={k}>{v}</li>)}</ul>
      ) : null}

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('works.files')}</h2>
        <p className="muted">{t('works.fileCheck', { kinds: rules.files.kinds.map((k) => t(`works.kinds.${k}`)).join('/'), files: rules.files.maxFiles })}</p>
        {files.length ? (
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/files/${f.id}`}>{f.name}</a> · {t(`works.kinds.${f.kind}`)} · {Math.ceil(f.bytes / 1024)} KB{f.pages ? ` · ${t('works.pages', { count: f.pages })}` : ''}{f.seconds ? ` · ${t('works.seconds', { count: f.seconds })}` : ''}
              </li>
            ))}
          </ul>
        ) : <p>{t('works.noFiles')}</p>}
        {draft && files.length < rules.files.maxFiles ? <EntryUpload entryId={entry.id} accept={rules.files.kinds.map((k) => ACCEPT[k]).join(',')} /> : null}
      </section>

      <section className="panel">
        <h2 style={{ marginTop: 0 }}>{t('works.people')}</h2>
        <p className="muted">{t(rules.minMembers === rules.maxMembers ? 'works.peopleRuleExact' : 'works.peopleRule', { min: rules.minMembers, max: rules.maxMembers, advisors: rules.maxAdvisors })}{rules.minIndustryAdvisors ? ` · ${t('works.industryRule', { count: rules.minIndustryAdvisors })}` : ''}</p>
        {members.length ? <p>{t('works.members')}：{members.map((m) => `${m.name}（${m.idNumber}）`).join('、')}</p> : null}
        {advisors.length ? <p>{t('works.advisors')}：{advisors.map((a) => `${a.name}${a.industry ? `（${t('works.industry')}${a.organisation ? ` · ${a.organisation}` : ''}）` : ''}`).join('、')}</p> : null}
        {draft ? (
          <Form method="post" aria-label={t('works.people')}>
            <CsrfInput />
            <input type="hidden" name="intent" value="people" />
            {members.length || advisors.length ? <p className="muted">{t('works.peopleReplace')}</p> : null}
            <fieldset>
              <legend>{t('works.members')}</legend>
              {Array.from({ length: rules.maxMembers }, (_, i) => (
                <div className="inline-form" key={i}>
                  <label>{t('works.memberName', { n: i + 1 })} <input name={`members.${i}.name`} maxLength={40} required={i < rules.minMembers} /></label>
                  <label>{t('works.idNumber')} <input name={`members.${i}.idNumber`} maxLength={18} autoComplete="off" required={i < rules.minMembers} /></label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('works.advisors')}</legend>
              {Array.from({ length: rules.maxAdvisors }, (_, i) => (
                <div className="inline-form" key={i}>
                  <label>{t('works.advisorName', { n: i + 1 })} <input name={`advisors.${i}.name`} maxLength={40} /></label>
                  <label>{t('works.phone')} <input name={`advisors.${i}.phone`} maxLength={20} inputMode="tel" /></label>
                  <label className="checkbox"><input type="checkbox" name={`advisors.${i}.industry`} /> {t('works.industry')}</label>
                  <label>{t('works.organisation')} <input name={`advisors.${i}.organisation`} maxLength={80} /></label>
                </div>
              ))}
            </fieldset>
            <button type="submit" disabled={busy}>{t('works.savePeople')}</button>
          </Form>
        ) : null}
      </section>

      {draft ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.submitTitle')}</h2>
          <p className="muted">{t('works.submitBody')}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="submit" />
            <button type="submit" disabled={busy}>{t('works.submit')}</button>
          </Form>
        </section>
      ) : null}
      {!entry.withdrawn && !entry.inReview ? (
        <details className="panel" data-testid="withdraw">
          <summary>{t('works.withdraw')}</summary>
          <p className="muted">{t('works.withdrawBody')}</p>
          <Form method="post" className="filters">
            <CsrfInput />
            <input type="hidden" name="intent" value="withdraw" />
            <label>{t('judging.reason')} <input name="reason" required maxLength={500} /></label>
            <button type="submit" className="button-secondary" disabled={busy}>{t('works.withdraw')}</button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
