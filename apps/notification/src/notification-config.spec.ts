import { ConfigurationError } from '@platform/config';
import { exampleServiceEnv } from '@platform/messaging-nest';
import { loadNotificationConfig } from './notification-config';

const service = exampleServiceEnv('notification', 3003);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadNotificationConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('notification settings', () => {
  it('given no SMTP_URL, then no mail server and the default sender', () => {
    expect(loadNotificationConfig(service)).toMatchObject({ MAIL_FROM: 'orders@example.com' });
    expect(loadNotificationConfig(service).SMTP_URL).toBeUndefined();
    expect(loadNotificationConfig({ ...service, SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it('given an smtp:// URL and a sender, then both are kept', () => {
    expect(
      loadNotificationConfig({
        ...service,
        SMTP_URL: 'smtp://localhost:1025',
        MAIL_FROM: 'shop@example.org',
      }),
    ).toMatchObject({ SMTP_URL: 'smtp://localhost:1025', MAIL_FROM: 'shop@example.org' });
  });

  it.each(['localhost:1025', 'http://localhost:1025', 'not a url'])(
    'given SMTP_URL=%p, then startup fails naming SMTP_URL',
    (SMTP_URL) => {
      expect(problemsOf({ ...service, SMTP_URL })).toEqual([
        'SMTP_URL: must be an smtp:// or smtps:// URL such as smtp://localhost:1025',
      ]);
    },
  );

  it('given a MAIL_FROM that is not an address, then startup fails naming MAIL_FROM', () => {
    expect(problemsOf({ ...service, MAIL_FROM: 'orders' })).toEqual([expect.stringMatching(/^MAIL_FROM: /)]);
  });
});
