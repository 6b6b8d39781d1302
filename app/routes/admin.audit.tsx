import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { endOfBeijingDay, formatBeijing, fromBeijingInput } from '#app/domain/beijing.ts';
import { Table } from '#app/components/table.tsx';
import { requireDesk } from '#app/auth/session.server.ts';
import { Field } from '#app/components/field.tsx';
import { listAudit, listAuditEntities } from '#app/models/audit.server.ts';
import { auditFilterInput } from '#app/schemas/admin.server.ts';

export const meta: MetaFunction = () => [{ title: '审计日志 · 楚怡杯竞赛系统' }];

const PAGE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:organiser');
  const url = new URL(request.url);
  const filter = auditFilterInput.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
  const entries = listAudit(context.db, actor, {
    entity: filter.entity,
    action: filter.action,
    actor: filter.actor,
    from: filter.from ? fromBeijingInput(filter.from) : undefined,
    to: filter.to ? endOfBeijingDay(filter.to) : undefined,
    beforeId: filter.before,
    limit: PAGE,
  });
  const older = new URLSearchParams(url.searchParams);
  if (entries.length === PAGE) older.set('before', String(entries[entries.length - 1].id));
  return json({
    filter,
    entities: listAuditEntities(context.db, actor),
    entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
    olderQuery: entries.length === PAGE ? older.toString() : null,
  });
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <>—</>;
  return (
    <pre className="diff">
      {before != null ? `− ${JSON.stringify(before)}\n` : ''}
      {after != null ? `+ ${JSON.stringify(after)}` : ''}
    </pre>
  );
}

export default function Audit() {
  const { filter, entities, entries, olderQuery } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="filters">
        <Field name="entity" label={t('audit.entity')}>
          <select id="entity" name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">—</option>
            {entities.map((e) => <option key={e} value={e}>{e}</option>)}
          </select>
        </Field>
        <Field name="action" label={t('audit.action')}>
          <input id="action" name="action" defaultValue={filter.action ?? ''} placeholder="session." />
        </Field>
        <Field name="actor" label={t('audit.actor')}>
          <input id="actor" name="actor" defaultValue={filter.actor ?? ''} />
        </Field>
        <Field name="from" label={t('audit.from')}>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
        </Field>
        <Field name="to" label={t('audit.to')}>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
        </Field>
        <button type="submit" className="button-secondary">{t('audit.filter')}</button>
      </Form>
      {entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <Table label={t('audit.title')} columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.change'), t('audit.reason')]}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatBeijing(e.at, i18n.language, 'medium')}</td>
              <td>{e.actorLabel}{e.ip ? <div className="muted">{e.ip}</div> : null}</td>
              <td><code>{e.action}</code></td>
              <td>{e.entity}{e.entityId ? ` #${e.entityId}` : ''}</td>
              <td><Change before={e.before} after={e.after} /></td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </Table>
      )}
      {olderQuery ? <p><Link to={`?${olderQuery}`}>{t('audit.older')} →</Link></p> : null}
    </>
  );
}
