// Sign in with username and password; lists the demo accounts while the server runs in demo mode.
import { Alert, Button, Card, Form, Input, Table } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../common/vocabulary.ts';
import { useDemoAccounts, useLogin, useMe } from '../api/session.ts';
import { errorText } from '../api/client.ts';
import { useL, usePunct } from '../lib/localized.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { AntdProvider } from '../state/antd-provider.tsx';

interface Credentials { username: string; password: string }

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The sign-in route (a lazy chunk, with antd's theme). */
export function LoginRoute() {
  return <AntdProvider><LoginPage /></AntdProvider>;
}

export function LoginPage() {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const demo = useDemoAccounts();
  useDocumentTitle(t('login.title'));
  const next = safeNext(params.get('next'));

  if (me && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const submit = (values: Credentials) => login.mutate(values, { onSuccess: () => navigate(next, { replace: true }) });

  return (
    <div className="login-page">
      <Card className="login-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {login.error && <Alert type="error" showIcon title={errorText(login.error)} className="form-alert" role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>

      {demo.data?.enabled && (
        <section className="demo-accounts" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('login.demoTitle')}</h2>
          <p>{t('login.demoHint', { password: demo.data.password ?? '' })}</p>
          <Table
            size="small"
            rowKey="username"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={demo.data.accounts}
            columns={[
              { title: t('login.account'), dataIndex: 'username' },
              { title: t('login.person'), dataIndex: 'displayName' },
              { title: t('login.roles'), dataIndex: 'roles', render: (roles: string[]) => p.list(roles.map((r) => l(ROLE_NAMES[r as keyof typeof ROLE_NAMES]) || r)) },
              {
                title: <span className="sr-only">{t('login.use')}</span>,
                key: 'use',
                render: (_: unknown, a) => (
                  <Button size="small" onClick={() => form.setFieldsValue({ username: a.username, password: demo.data?.password ?? '' })}>
                    {t('login.use')}<span className="sr-only"> {a.username}</span>
                  </Button>
                ),
              },
            ]}
          />
        </section>
      )}
    </div>
  );
}
