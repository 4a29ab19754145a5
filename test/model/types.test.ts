// The documented interfaces and the zod schemas must describe the same values: these assertions are
// checked by the type checker (`npm run typecheck` covers test/), and the runtime test keeps vitest honest.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  Account, AccountSchema, Address, AddressSchema, Consent, ConsentSchema, Customer, CustomerRecord, CustomerRecordSchema, CustomerSchema,
  FeedbackResponse, FeedbackResponseSchema, Interaction, InteractionSchema, Order, OrderSchema, Subscription, SubscriptionSchema,
} from '../../src/model/index.js';

describe('schema output types equal the documented interfaces', () => {
  it('for every entity', () => {
    expectTypeOf<z.output<typeof CustomerSchema>>().toEqualTypeOf<Customer>();
    expectTypeOf<z.output<typeof CustomerRecordSchema>>().toEqualTypeOf<CustomerRecord>();
    expectTypeOf<z.output<typeof ConsentSchema>>().toEqualTypeOf<Consent>();
    expectTypeOf<z.output<typeof AccountSchema>>().toEqualTypeOf<Account>();
    expectTypeOf<z.output<typeof AddressSchema>>().toEqualTypeOf<Address>();
    expectTypeOf<z.output<typeof OrderSchema>>().toEqualTypeOf<Order>();
    expectTypeOf<z.output<typeof SubscriptionSchema>>().toEqualTypeOf<Subscription>();
    expectTypeOf<z.output<typeof InteractionSchema>>().toEqualTypeOf<Interaction>();
    expectTypeOf<z.output<typeof FeedbackResponseSchema>>().toEqualTypeOf<FeedbackResponse>();
    expect(true).toBe(true);
  });
});
