import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '#app/domain/beijing.ts';
import { certificateText } from '#app/models/certificate-pdf.server.ts';
import { verifyCertificate } from '#app/models/certificate.server.ts';

export const meta: MetaFunction = () => [{ title: '证书查验 · 楚怡杯竞赛系统' }];

/** Public: what the certificate states, or that there is no such certificate (404). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const cert = verifyCertificate(context.db, params.code ?? '');
  if (!cert) return json({ found: false as const, code: (params.code ?? '').slice(0, 40) }, { status: 404 });
  return json({
    found: true as const,
    code: cert.code,
    kind: cert.kind,
    holderName: cert.holderName,
    school: cert.school,
    text: certificateText(cert),
    issuedAt: cert.issuedAt,
    revoked: cert.revokedAt !== null,
  });
}

export default function Verify() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t('certificates.verifyTitle')}</h1>
      {!data.found ? (
        <p className="notice notice-error" role="alert" data-testid="verify-result">{t('certificates.notFound')}（{data.code}）</p>
      ) : (
        <section className="panel" data-testid="verify-result">
          <p className={data.revoked ? 'notice notice-error' : 'notice notice-success'} role="status">
            {data.revoked ? t('certificates.revoked') : t('certificates.genuine')}
          </p>
          <dl className="facts-list">
            <dt>{t('certificates.code')}</dt><dd>{data.code}</dd>
            <dt>{t('certificates.title')}</dt><dd>{t(`certificates.kinds.${data.kind}`)}</dd>
            <dt>{t('certificates.holder')}</dt><dd>{data.holderName}（{data.school}）</dd>
            <dt></dt><dd>{data.text}</dd>
            <dt>{t('certificates.issued')}</dt><dd>{formatBeijing(data.issuedAt, i18n.language, 'date')}</dd>
          </dl>
        </section>
      )}
      <p><Link to="/verify">{t('certificates.verify')}</Link></p>
    </>
  );
}
