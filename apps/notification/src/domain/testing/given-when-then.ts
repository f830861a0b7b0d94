import { givenFor } from '@platform/testing';
import { DomainError } from '../domain-error';

/** Given/when/then for this app's domain rules (see givenFor). Test-only, like everything under testing/. */
export const given = givenFor(DomainError);
