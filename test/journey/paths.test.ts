import { describe, expect, it } from 'vitest';
import type { Interaction, Order } from '../../src/model/index.js';
import {
  attributionPathsFromCustomerPaths,
  attributionPathsFromTable,
  conversionEventsFromOrders,
  customerPaths,
  type ConversionEvent,
} from '../../src/journey/index.js';

const day = (d: number, h = 12): Date => new Date(Date.UTC(2026, 4, d, h));
let seq = 0;
function touch(customerId: string | undefined, at: Date, channel: Interaction['channel'], extra: Partial<Interaction> = {}): Interaction {
  seq++;
  const i: Interaction = { id: `i${String(seq).padStart(3, '0')}`, timestamp: at, event: 'Touched', direction: 'inbound', ...extra };
  if (customerId !== undefined) i.customerId = customerId;
  else i.anonymousId = 'anon';
  if (channel !== undefined) i.channel = channel;
  return i;
}

describe('customerPaths', () => {
  // c1: social (May 1), email (May 10), web (May 20) → order May 21; then sms (May 25) → order May 26
  //     (its window starts after the first order), then push (May 28) with no order after.
  // c2: email (Apr 1, 40 days before) and whatsapp (May 5) → order May 6: the April touch is outside 30 days.
  // c3: only touches, no order. An anonymous touch and a touch without channel are ignored.
  const interactions: Interaction[] = [
    touch('c1', day(20), 'web'),
    touch('c1', day(1), 'social'),
    touch('c1', day(10), 'email'),
    touch('c1', day(25), 'sms'),
    touch('c1', day(28), 'push'),
    touch('c2', new Date(Date.UTC(2026, 3, 1, 12)), 'email'),
    touch('c2', day(5), 'whatsapp'),
    touch('c3', day(3), 'social'),
    touch(undefined, day(3), 'web'),
    touch('c3', day(4), undefined),
  ];
  const conversions: ConversionEvent[] = [
    { customerId: 'c1', at: day(26), value: 40, id: 'o2' },
    { customerId: 'c1', at: day(21), value: 100, id: 'o1' },
    { customerId: 'c2', at: day(6), value: 75 },
  ];

  it('cuts paths at conversions within the lookback window', () => {
    const paths = customerPaths(interactions, conversions, { lookbackDays: 30 });
    expect(paths.map((p) => [p.customerId, p.touches, p.converted, p.value])).toEqual([
      ['c1', ['social', 'email', 'web'], true, 100],
      ['c1', ['sms'], true, 40],
      ['c1', ['push'], false, 0],
      ['c2', ['whatsapp'], true, 75],
      ['c3', ['social'], false, 0],
    ]);
    expect(paths[0]!.conversionId).toBe('o1');
    expect(paths[0]!.touchedAt).toEqual([day(1), day(10), day(20)]);
  });

  it('shares touches across windows without the reset', () => {
    const paths = customerPaths(interactions, conversions, { lookbackDays: 30, resetAtConversion: false, includeNonConverting: false });
    expect(paths.map((p) => p.touches)).toEqual([['social', 'email', 'web'], ['social', 'email', 'web', 'sms'], ['whatsapp']]);
  });

  it('includes a touch exactly lookbackDays old and one at the conversion instant', () => {
    const paths = customerPaths(
      [touch('c9', day(1), 'email'), touch('c9', day(11), 'web'), touch('c9', new Date(day(1).getTime() - 1), 'sms')],
      [{ customerId: 'c9', at: day(11) }],
      { lookbackDays: 10 },
    );
    expect(paths).toHaveLength(1);
    expect(paths[0]!.touches).toEqual(['email', 'web']);
  });

  it('keys paths by touchpoint, event, campaign or a function', () => {
    const i = [
      touch('c1', day(1), 'email', { touchpoint: 'direct_message', event: 'Email Opened', campaign: { name: 'maes' } }),
      touch('c1', day(2), 'web', { touchpoint: 'website_app', event: 'Product Viewed' }),
    ];
    const c = [{ customerId: 'c1', at: day(3) }];
    expect(customerPaths(i, c, { key: 'touchpoint' })[0]!.touches).toEqual(['direct_message', 'website_app']);
    expect(customerPaths(i, c, { key: 'event' })[0]!.touches).toEqual(['Email Opened', 'Product Viewed']);
    expect(customerPaths(i, c, { key: 'campaign' })[0]!.touches).toEqual(['maes']);
    expect(customerPaths(i, c, { key: (x) => `${x.channel}/${x.direction}` })[0]!.touches).toEqual(['email/inbound', 'web/inbound']);
  });

  it('ends the non-converting window at asOf and ignores what follows it', () => {
    const paths = customerPaths(interactions, conversions, { lookbackDays: 30, asOf: day(22) });
    // The May 26 order and the May 25/28 touches are after asOf.
    expect(paths.filter((p) => p.customerId === 'c1').map((p) => [p.touches, p.converted])).toEqual([[['social', 'email', 'web'], true]]);
  });

  it('keeps a conversion without touches as an empty path, which attribution input leaves out', () => {
    const paths = customerPaths([], [{ customerId: 'c5', at: day(3), value: 10 }]);
    expect(paths).toEqual([{ customerId: 'c5', touches: [], touchedAt: [], interactionIds: [], converted: true, convertedAt: day(3), value: 10 }]);
    expect(attributionPathsFromCustomerPaths(paths)).toEqual([]);
  });

  it('rejects bad options and conversions', () => {
    expect(() => customerPaths([], [], { lookbackDays: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => customerPaths([], [{ customerId: '', at: day(1) }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['conversions', 0, 'customerId'] })] }),
    );
    expect(() => customerPaths([], [{ customerId: 'c', at: new Date(NaN) }])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('attributionPathsFromCustomerPaths', () => {
  it('computes hours to conversion, and aggregates identical sequences', () => {
    const paths = customerPaths(
      [touch('a', day(1), 'email'), touch('a', day(2, 0), 'web'), touch('b', day(1), 'email'), touch('b', day(2), 'web'), touch('c', day(1), 'email')],
      [
        { customerId: 'a', at: day(2), value: 10 },
        { customerId: 'b', at: day(3), value: 5 },
      ],
    );
    const single = attributionPathsFromCustomerPaths(paths);
    // a: email 24 h and web 12 h before the conversion at noon on May 2.
    expect(single[0]).toEqual({ touches: ['email', 'web'], conversions: 1, value: 10, nulls: 0, hoursToConversion: [24, 12] });
    expect(single[2]).toEqual({ touches: ['email'], conversions: 0, value: 0, nulls: 1 });
    expect(attributionPathsFromCustomerPaths(paths, { aggregate: true })).toEqual([
      { touches: ['email', 'web'], conversions: 2, value: 15, nulls: 0 },
      { touches: ['email'], conversions: 0, value: 0, nulls: 1 },
    ]);
  });
});

describe('conversionEventsFromOrders', () => {
  it('leaves out cancelled and refunded orders by default', () => {
    const order = (id: string, status: Order['status']): Order => ({
      id,
      customerId: 'c1',
      placedAt: day(1),
      status,
      currency: 'BRL',
      total: 10,
      items: [],
    });
    const orders = [order('o1', 'paid'), order('o2', 'cancelled'), order('o3', 'refunded'), order('o4', 'fulfilled')];
    expect(conversionEventsFromOrders(orders).map((c) => c.id)).toEqual(['o1', 'o4']);
    expect(conversionEventsFromOrders(orders, { statuses: ['refunded'] }).map((c) => c.id)).toEqual(['o3']);
  });
});

describe('attributionPathsFromTable', () => {
  it('names the table column of a bad cell', () => {
    let caught: unknown;
    try {
      attributionPathsFromTable([{ path: 'a > b', total_conversions: '2' }, { path: 'a >  > b', total_conversions: '-1' }]);
    } catch (e) {
      caught = e;
    }
    const paths = (caught as { issues: { path: unknown[] }[] }).issues.map((i) => i.path);
    expect(paths).toContainEqual([1, 'path', 1]);
    expect(paths).toContainEqual([1, 'total_conversions']);
    // Numeric strings are read as numbers; absent value and null columns are 0.
    expect(attributionPathsFromTable([{ path: 'a>b', total_conversions: '2' }])).toEqual([{ touches: ['a', 'b'], conversions: 2, value: 0, nulls: 0 }]);
  });
});
