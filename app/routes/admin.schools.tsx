/**
 * Schools (院校) by sheet: download the template, upload the province's list (all rows or none),
 * and take the sheet of new accounts with their one-time passwords, shown this once.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { uploadAction } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { Table } from '#app/components/table.tsx';
import { ImportPanel } from '#app/components/workbook-upload.tsx';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { accountsSheetHref, importSchools } from '#app/models/school-import.server.ts';
import { pageOfSchools, prefectureChoices, setSchoolDisabled } from '#app/models/school.server.ts';
import { SCHOOL_SORTS } from '#app/domain/list-orders.ts';
import { FilterSelect } from '#app/components/filter-select.tsx';
import { Field } from '#app/components/field.tsx';
import { sliceInput } from '#app/schemas/registration.server.ts';
import { schoolFilterInput } from '#app/schemas/admin.server.ts';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { schoolStatusFormInput } from '#app/schemas/setup.server.ts';
import { formFailure, parseForm } from '#app/utils/forms.server.ts';
import { CsrfInput } from '#app/components/csrf-input.tsx';

export const meta: MetaFunction = () => [{ title: '院校 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = schoolFilterInput.parse(query);
  return json({ filter, ...pageOfSchools(context.db, actor, filter, { page: sliceInput.parse(query).page }), prefectures: prefectureChoices(context.db) });
}

type Result = { ok: true; rows: number; created: number; updated: number; accountsSheet: string | null } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  // A school disabled or enabled from the list; anything else is the sheet's upload.
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data')) {
    const parsed = await parseForm(request, context, schoolStatusFormInput);
    if (!parsed.ok) return json(parsed, { status: 400 });
    try {
      setSchoolDisabled(context.db, actor, parsed.data.schoolId, parsed.data.intent === 'disable', parsed.data.reason);
    } catch (error) {
      return formFailure(request, error);
    }
    return json({ ok: true as const, status: parsed.data.intent });
  }
  return uploadAction(request, context, async (file, _lng, t, report) => {
    const outcome = await importSchools(context.db, actor, file, undefined, report);
    if (!outcome.ok) return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
    // The passwords exist only in this answer: the sheet travels inside it, never stored.
    const sheet = await accountsSheetHref(outcome.accounts);
    return json<Result>({ ok: true, rows: outcome.rows, created: outcome.created, updated: outcome.updated, accountsSheet: sheet }, { headers: { 'Cache-Control': 'no-store' } });
  }, { jobOwner: actor.userId }) as Promise<TypedResponse<Result>>;
}

export default function Schools() {
  const { schools, filter, total, page, pages, prefectures } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ImportPanel words="schools" templateHref="/admin/schools/template.xlsx" accountsFileName="院校账号与一次性密码.xlsx" />
      <Form method="get" className="filters" aria-label={t('schools.search')}>
        <FilterSelect name="prefectureId" label={t('registration.prefecture')} value={filter.prefectureId} options={prefectures} />
        <FilterSelect name="sort" label={t('registration.sort')} value={filter.sort ?? SCHOOL_SORTS[0]} blank={null} options={SCHOOL_SORTS.map((s) => ({ id: s, label: t(`schools.sortBy.${s}`) }))} />
        <Field name="q" label={t('schools.search')}>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={50} />
        </Field>
        <button type="submit" className="button-secondary">{t('accounts.filter')}</button>
      </Form>
      <Table label={t('schools.title')} className="cards" columns={[t('setup.name'), t('setup.code'), t('schools.type'), t('registration.prefecture'), t('accounts.actions')]}>
        {schools.map((s) => (
          <tr key={s.id}>
            <td className="card-title">{s.name}{s.disabledAt ? <span className="badge">{t('schools.disabled')}</span> : null}</td>
            <td data-label={t('setup.code')}>{s.code}</td>
            <td data-label={t('schools.type')}>{t(`schoolTypes.${s.type}`)}</td>
            <td data-label={t('registration.prefecture')}>{s.prefecture}</td>
            <td>
              <details>
                <summary>{t(s.disabledAt ? 'schools.enable' : 'schools.disable')}</summary>
                <Form method="post" className="filters">
                  <CsrfInput />
                  {s.disabledAt ? <input type="hidden" name="intent" value="enable" /> : <input type="hidden" name="intent" value="disable" />}
                  <input type="hidden" name="schoolId" value={s.id} />
                  <input name="reason" aria-label={`${t('dashboard.reason')} ${s.name}`} placeholder={t('dashboard.reason')} required maxLength={500} />
                  <button type="submit" className="button-secondary">{t(s.disabledAt ? 'schools.enable' : 'schools.disable')}</button>
                </Form>
              </details>
            </td>
          </tr>
        ))}
      </Table>
      <Pager page={page} pages={pages} total={total} query={filterQuery(filter)} />
    </>
  );
}
