/**
 * The judge pool (裁判库): search, each judge's events; import from the sheet (all rows or none,
 * assignments on the same sheet, 回避 per row) with the accounts sheet shown once.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { uploadAction } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { Table } from '#app/components/table.tsx';
import { ImportPanel } from '#app/components/workbook-upload.tsx';
import { importJudges, judgePool } from '#app/models/judge-import.server.ts';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { accountsSheetHref } from '#app/models/school-import.server.ts';

import { judgeFilterInput } from '#app/schemas/admin.server.ts';
import { sliceInput } from '#app/schemas/registration.server.ts';
import { filterQuery, Pager } from '#app/components/pager.tsx';
import { FilterSelect } from '#app/components/filter-select.tsx';
import { Field } from '#app/components/field.tsx';
import { JUDGE_SORTS } from '#app/domain/list-orders.ts';

export const meta: MetaFunction = () => [{ title: '裁判库 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filter = judgeFilterInput.parse(query);
  return json({ filter, pool: judgePool(context.db, actor, { ...filter, page: sliceInput.parse(query).page }) });
}

type Result = { ok: true; rows: number; created: number; updated: number; assigned: number; accountsSheet: string | null } | { ok: false; message: string; errors: ImportError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  return uploadAction(request, context, async (file, _lng, t, report) => {
    const outcome = await importJudges(context.db, actor, file, undefined, report);
    if (!outcome.ok) return json<Result>({ ok: false, message: t('errors.import_rejected', { count: outcome.errors.length }), errors: outcome.errors }, { status: 422 });
    const sheet = await accountsSheetHref(outcome.accounts);
    return json<Result>({ ok: true, rows: outcome.rows, created: outcome.created, updated: outcome.updated, assigned: outcome.assigned, accountsSheet: sheet }, { headers: { 'Cache-Control': 'no-store' } });
  }, { jobOwner: actor.userId }) as Promise<TypedResponse<Result>>;
}

export default function Judges() {
  const { filter, pool } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ImportPanel words="judgePool" templateHref="/admin/judges/template.xlsx" accountsFileName="裁判账号与一次性密码.xlsx" />
      <Form method="get" className="filters">
        <FilterSelect name="sort" label={t('registration.sort')} value={filter.sort ?? JUDGE_SORTS[0]} blank={null} options={JUDGE_SORTS.map((s) => ({ id: s, label: t(`judgePool.sortBy.${s}`) }))} />
        <Field name="q" label={t('judgePool.search')}>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={50} />
        </Field>
        <button type="submit" className="button-secondary">{t('accounts.filter')}</button>
      </Form>
      <p aria-live="polite">{t('judgePool.count', { count: pool.total })}</p>
      <Table label={t('judgePool.title')} className="cards" columns={[t('accounts.displayName'), t('judgePool.affiliation'), t('judgePool.title_'), t('accounts.username'), t('home.events')]}>
        {pool.rows.map((j) => (
          <tr key={j.id}>
            <td className="card-title">{j.name}</td>
            <td data-label={t('judgePool.affiliation')}>{j.affiliation}</td>
            <td data-label={t('judgePool.title_')}>{j.title ?? '—'}</td>
            <td data-label={t('accounts.username')}>{j.username}</td>
            <td data-label={t('home.events')}>{j.events.map((e) => `${e.code}${e.role === 'chief_judge' ? `（${t('roles.chief_judge')}）` : ''}`).join('、') || '—'}</td>
          </tr>
        ))}
      </Table>
      <Pager page={pool.page} pages={pool.pages} total={pool.total} query={filterQuery(filter)} />
    </>
  );
}
