import { chooseChannel } from './channel';
import { recipientFor } from './recipient';
import { given } from './testing/given-when-then';

describe('the recipient', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['  ada.lovelace+orders@mail.example.org ', 'ada.lovelace+orders@mail.example.org'],
    ['customer-42', 'customer-42@customers.example'],
    ['ada@localhost', 'ada-localhost@customers.example'],
    ['cust 42/eu', 'cust-42-eu@customers.example'],
  ])('given customer %p, when addressed, then %p', (customerId, recipient) => {
    given(customerId).when(recipientFor).then(recipient);
  });

  it('given a blank customer id, when addressed, then INVALID_CUSTOMER_ID', () => {
    given('  ').when(recipientFor).thenThrows('INVALID_CUSTOMER_ID');
  });
});

describe('the channel', () => {
  it('given an SMTP transport, then EMAIL; given none, then LOG', () => {
    expect(chooseChannel({ smtpConfigured: true })).toBe('EMAIL');
    expect(chooseChannel({ smtpConfigured: false })).toBe('LOG');
  });
});
