/**
 * Blank score sheets to print (纸质备用): one A4 page per work code of the judge's event, every
 * criterion with its maximum and an empty box, and lines for the judge's signature and the date —
 * for marking on paper when the tablets cannot be used, and entering the marks later.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireDesk } from '#app/auth/session.server.ts';
import { judgeSheets } from '#app/models/mark.server.ts';
import { modelRead, numericParam } from '#app/utils/route.server.ts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.code ?? ''} · 空白评分表` }];
/** Printed: no site header. */
export const handle = { bare: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireDesk(request, context, 'desk:judge');
  const { event, criteria, sheets } = modelRead(request, () => judgeSheets(context.db, actor, numericParam(params.eventId)));
  return json({ event, criteria, workCodes: sheets.map((s) => s.workCode), judge: actor.displayName });
}

export default function PrintSheets() {
  const { event, criteria, workCodes, judge } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="print-sheets">
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>{t('judging.printSheets')}</button>
      </p>
      {workCodes.length === 0 ? <p>{t('judging.noSheets')}</p> : null}
      {workCodes.map((code) => (
        <section key={code} className="print-page" aria-label={`${t('judging.workCode')} ${code}`}>
          <h1>{event.code} {event.name} · {t('judging.printTitle')}</h1>
          <p className="print-code">{t('judging.workCode')} <strong>{code}</strong></p>
          <table>
            <thead>
              <tr><th scope="col">{t('judging.criterion')}</th><th scope="col" className="num">{t('judging.maxShort')}</th><th scope="col" className="num">{t('judging.printMark')}</th></tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.id}>
                  <td><strong>{c.code}</strong> {c.name}<span className="muted"> · {c.module}</span></td>
                  <td className="num">{c.maxMarks}</td>
                  <td className="print-box" aria-label={`${c.code} ${t('judging.printMark')}`} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="print-sign">{t('judging.printJudge')}（{judge}）：＿＿＿＿＿＿＿＿　{t('judging.printDate')}：＿＿＿＿＿＿</p>
        </section>
      ))}
    </div>
  );
}
