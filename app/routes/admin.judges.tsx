/**
 * The judge pool (裁判库): search, each judge's events; import from the sheet (all rows or none,
 * assignments on the same sheet, 回避 per row) with the accounts sheet shown once.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type TypedResponse } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { uploadAction } from '#app/api/xlsx.server.ts';
import { requireDesk } from '#app/auth/session.server.ts';
import { Table } from '#app/components/table.tsx';
import { ImportPanel } from '#app/components/workbook-upload.tsx';
import { importJudges, judgePool } from '#app/models/judge-import.server.ts';
import type { ImportError } from '#app/models/registration-xlsx.server.ts';
import { accountsSheetHref } from '#app/models/school-import.server.ts';

export const meta: MetaFunction = () => [{ title: '裁判库 · 竞赛管理员' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const url = new URL(request.url);
  const page = Number(url.searchParams.get('page') ?? 1);
  return json({ q: url.searchParams.get('q') ?? '', pool: judgePool(context.db, actor, { q: url.searchParams.get('q') ?? undefined, page: Number.isInteger(page) && page > 0 ? page : 1 }) });
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
  const { q, pool } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <ImportPanel words="judgePool" templateHref="/admin/judges/template.xlsx" accountsFileName="裁判账号与一次性密码.xlsx" />
      <Form method="get" className="filters">
        <label htmlFor="q">{t('accounts.search')}</label>
        <input id="q" name="q" defaultValue={q} />
        <button type="submit" className="button-secondary">{t('accounts.filter')}</button>
      </Form>
      <p aria-live="polite">{t('judgePool.count', { count: pool.total })}</p>
      <Table label={t('judgePool.title')} columns={[t('accounts.displayName'), t('judgePool.affiliation'), t('judgePool.title_'), t('accounts.username'), t('home.events')]}>
        {pool.rows.map((j) => (
          <tr key={j.id}>
            <td>{j.name}</td>
            <td>{j.affiliation}</td>
            <td>{j.title ?? '—'}</td>
            <td>{j.username}</td>
            <td>{j.events.map((e) => `${e.code}${e.role === 'chief_judge' ? `（${t('roles.chief_judge')}）` : ''}`).join('、') || '—'}</td>
          </tr>
        ))}
      </Table>
      {pool.pages > 1 ? (
        <nav className="actions" aria-label={t('judgePool.pages')}>
          {pool.page > 1 ? <Link to={`?q=${encodeURIComponent(q)}&page=${pool.page - 1}`}>← {pool.page - 1}</Link> : null}
          <span>{pool.page} / {pool.pages}</span>
          {pool.page < pool.pages ? <Link to={`?q=${encodeURIComponent(q)}&page=${pool.page + 1}`}>{pool.page + 1} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
