import {
  contains,
  isNetworkAddress,
  isValidDomain,
  isValidZoneName,
  overlaps,
  parseCidr,
  size,
  zoneNameFor,
} from '../../shared/net.js';

const c = (t: string) => {
  const r = parseCidr(t);
  if (!r) throw new Error(`not a CIDR: ${t}`);
  return r;
};

test('parseCidr accepts a.b.c.d/p and refuses everything else', () => {
  expect(c('10.6.0.0/16')).toEqual({ text: '10.6.0.0/16', base: 0x0a060000, prefix: 16 });
  expect(c('0.0.0.0/0').base).toBe(0);
  expect(c('255.255.255.255/32').base).toBe(0xffffffff);
  for (const bad of [
    '10.6.0.0',
    '10.6.0.0/33',
    '10.256.0.0/16',
    '10.6.0/16',
    'fd00::/64',
    '010.6.0.0/16',
    ' 10.6.0.0/16',
    '10.6.0.0/-1',
    '',
  ]) {
    expect(parseCidr(bad)).toBeUndefined();
  }
});

test('size, network address, overlap and containment', () => {
  expect(size(c('10.3.0.0/26'))).toBe(64);
  expect(isNetworkAddress(c('10.6.0.0/16'))).toBe(true);
  expect(isNetworkAddress(c('10.6.0.1/16'))).toBe(false);
  expect(isNetworkAddress(c('10.6.128.0/17'))).toBe(true);
  expect(overlaps(c('10.6.0.0/16'), c('10.6.255.0/24'))).toBe(true);
  expect(overlaps(c('10.6.0.0/16'), c('10.7.0.0/16'))).toBe(false);
  expect(overlaps(c('10.3.0.0/26'), c('10.3.0.64/26'))).toBe(false);
  expect(contains(c('10.0.0.0/8'), c('10.6.0.0/16'))).toBe(true);
  expect(contains(c('10.6.0.0/16'), c('10.0.0.0/8'))).toBe(false);
  expect(contains(c('10.6.0.0/16'), c('10.6.0.0/16'))).toBe(true);
});

test('domains as Cloud DNS accepts them', () => {
  for (const ok of [
    'gitspaces.acme.dev',
    'a.b',
    'usc1.gitspaces.acme.dev',
    'gitspaces.acme.dev.',
    'x-1.example.com',
  ])
    expect(isValidDomain(ok)).toBe(true);
  for (const bad of [
    'gitspaces',
    'Gitspaces.acme.dev',
    'https://acme.dev',
    '-a.acme.dev',
    'a-.acme.dev',
    'a..b',
    'acme.123',
    `${'a'.repeat(64)}.com`,
    'a_b.com',
  ]) {
    expect(isValidDomain(bad)).toBe(false);
  }
});

test('zone names: dots become dashes, as the module derives them', () => {
  expect(zoneNameFor('gitspaces.acme.dev')).toBe('gitspaces-acme-dev');
  expect(zoneNameFor('gitspaces.acme.dev.')).toBe('gitspaces-acme-dev');
  expect(isValidZoneName('gitspaces-acme-dev')).toBe(true);
  expect(isValidZoneName('1gitspaces')).toBe(false);
  expect(isValidZoneName('a'.repeat(64))).toBe(false);
});
