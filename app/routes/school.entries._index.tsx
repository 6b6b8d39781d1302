/** 作品申报: a school's entries to 创新创业 and 文明风采 — the categories open, its two places per group, and its entries. */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';
import { FormMessage } from '#app/components/field.tsx';
import { createEntry, entryDesk } from '#app/models/entry.server.ts';
import { entryDeskInput } from '#app/schemas/entries.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { modelRead } from '#app/utils/route.server.ts';

export const meta: MetaFunction = () => [{ title: '作品申报 · 院校' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  return json(modelRead(request, () => entryDesk(context.db, actor)));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:school');
  const parsed = await parseForm(request, context, entryDeskInput);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const id = createEntry(context.db, actor, parsed.data);
    return redirect(`/school/entries/${id}`);
  } catch (error) {
    return formFailure(request, error, { title: parsed.data.title });
  }
}

const MB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`);

export default function SchoolEntries() {
  const { competitions, entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('works.entriesMine')}</h1>
      <FormMessage error={result && !result.ok ? result.formError : null} />
      {competitions.length === 0 ? <p className="notice">{t('works.noneOpen')}</p> : null}
      {competitions.map((c) => (
        <section className="panel" key={c.id}>
          <h2 style={{ marginTop: 0 }}>{c.name} <span className="badge">{t(`inheritors.platforms.${c.kind}`)}</span></h2>
          {c.quota ? <p className="muted" data-testid="quota">{t('works.quota', { used: c.quota.used, max: c.quota.max })} <Link to="/school">{t('works.enrolment')}</Link></p> : null}
          <table className="cards">
            <thead><tr><th>{t('works.category')}</th><th>{t('works.people')}</th><th>{t('works.fileRules')}</th><th>{t('works.places')}</th></tr></thead>
            <tbody>
              {c.categories.map((k) => (
                <tr key={k.id}>
                  <td data-label={t('works.category')}>{k.name}</td>
                  <td data-label={t('works.people')}>{t(k.rules.minMembers === k.rules.maxMembers ? 'works.peopleRuleExact' : 'works.peopleRule', { min: k.rules.minMembers, max: k.rules.maxMembers, advisors: k.rules.maxAdvisors })}{k.rules.minIndustryAdvisors ? ` · ${t('works.industryRule', { count: k.rules.minIndustryAdvisors })}` : ''}</td>
                  <td data-label={t('works.fileRules')}>{k.rules.files.kinds.map((kind) => t(`works.kinds.${kind}`)).join('/')} · ≤ {size(k.rules.files.maxBytes)}{k.rules.files.maxPages ? ` · ≤ ${t('works.pages', { count: k.rules.files.maxPages })}` : ''}{k.rules.files.maxSeconds ? ` · ≤ ${t('works.seconds', { count: k.rules.files.maxSeconds })}` : ''}</td>
                  <td data-label={t('works.places')}>{k.taken} / {k.max}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Form method="post" className="inline-form" aria-label={t('works.newEntry')}>
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <label>{t('works.category')}{' '}
              <select name="categoryId" required>
                {c.categories.filter((k) => k.taken < k.max).map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
              </select>
            </label>
            <label>{t('works.title')} <input name="title" required maxLength={120} /></label>
            <button type="submit" disabled={busy}>{t('works.newEntry')}</button>
          </Form>
        </section>
      ))}
      {entries.length ? (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>{t('works.myEntries')}</h2>
          <table className="cards">
            <thead><tr><th>{t('works.title')}</th><th>{t('works.category')}</th><th>{t('works.files')}</th><th>{t('works.status')}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('works.title')}><Link to={`/school/entries/${e.id}`}>{e.title}</Link></td>
                  <td data-label={t('works.category')}>{e.category}</td>
                  <td data-label={t('works.files')}>{e.files.length}</td>
                  <td data-label={t('works.status')}><span className={`badge ${e.withdrawnAt ? 'status-returned' : e.status === 'submitted' ? 'status-approved' : ''}`}>{t(`works.entryStatus.${e.withdrawnAt ? 'withdrawn' : e.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
