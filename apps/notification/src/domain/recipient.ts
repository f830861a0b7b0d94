import { DomainError } from './domain-error';

/**
 * Where a customer's messages go. Customers here have no profile service to ask: a customerId that
 * looks like an e-mail address is used as one; any other id gets `<customerId>@customers.example`
 * (a domain reserved by RFC 2606, so nothing is ever delivered to a made-up address). Characters an
 * unquoted address cannot hold become `-`.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const FALLBACK_EMAIL_DOMAIN = 'customers.example';

export function recipientFor(customerId: string): string {
  const id = customerId.trim();
  if (id.length === 0) throw new DomainError('INVALID_CUSTOMER_ID', 'customerId must not be blank');
  if (EMAIL.test(id)) return id;
  return `${id.replace(/[^A-Za-z0-9._+-]/g, '-')}@${FALLBACK_EMAIL_DOMAIN}`;
}
