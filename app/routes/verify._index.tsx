import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export const meta: MetaFunction = () => [{ title: '证书查验 · 楚怡杯竞赛系统' }];

/** A code typed in goes to its page; a GET form keeps it free of CSRF and bookmarkable. */
export async function loader({ request }: ActionFunctionArgs) {
  const code = new URL(request.url).searchParams.get('code')?.trim();
  if (code) throw redirect(`/verify/${encodeURIComponent(code.slice(0, 40))}`);
  return null;
}

export default function VerifyForm() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('certificates.verifyTitle')}</h1>
      <p>{t('certificates.verifyIntro')}</p>
      <Form method="get" className="filters">
        <label>
          {t('certificates.code')} <input name="code" required maxLength={40} placeholder="CY-XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
        </label>
        <button type="submit">{t('certificates.verify')}</button>
      </Form>
    </>
  );
}
