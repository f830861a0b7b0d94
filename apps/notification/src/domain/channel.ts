/**
 * How a message leaves: by e-mail when an SMTP transport is configured, otherwise written to the
 * log, so the stack runs with no mail server and the demo still shows every message.
 */
export type Channel = 'EMAIL' | 'LOG';

export function chooseChannel({ smtpConfigured }: { readonly smtpConfigured: boolean }): Channel {
  return smtpConfigured ? 'EMAIL' : 'LOG';
}
