import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPublicHost, BlockedAddressError, isPublicAddress } from '../../src/ingest/address.js';

test('private, loopback, link-local and reserved addresses are not public', () => {
  for (const ip of ['127.0.0.1', '127.9.9.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', 'not-an-ip']) {
    assert.equal(isPublicAddress(ip), false, ip);
  }
  for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(isPublicAddress(ip), true, ip);
  }
});

test('every special-purpose range and every IPv6 form of a private IPv4 address is refused', () => {
  const refused = [
    // IPv4 special-purpose registry
    '192.88.99.1', '192.0.0.8', '192.0.2.7', '198.18.0.1', '198.51.100.2', '203.0.113.9', '240.0.0.1', '192.31.196.1', '192.52.193.1', '192.175.48.1', '0.1.2.3',
    // IPv6 special ranges
    'fec0::1', '100::1', '2001:db8::1', '2001:2::1', '2001:10::1', '2001:20::1', '3fff::1', '5f00::1', 'ff02::1', '4000::1',
    // private IPv4 inside IPv6: mapped, compatible, SIIT, NAT64 (well-known and local-use), 6to4, Teredo
    '::ffff:192.168.0.1', '::127.0.0.1', '::ffff:0:10.0.0.1', '64:ff9b::7f00:1', '64:ff9b::c0a8:1', '64:ff9b:1::808:808', '2002:7f00:1::1', '2002:c0a8:101::1', '2002:a00:1::',
    // Teredo whose client (inverted bits) is 127.0.0.1, or whose server is private
    '2001:0:4136:e378:8000:63bf:80ff:fffe', '2001:0:a00:1:8000:63bf:f7f7:f7f7',
  ];
  for (const ip of refused) assert.equal(isPublicAddress(ip), false, ip);
  // The same forms around a public IPv4 address are public.
  for (const ip of ['64:ff9b::808:808', '2002:808:808::1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', '2a00:1450:4001:80b::200e']) assert.equal(isPublicAddress(ip), true, ip);
});

test('host checks refuse literal and resolved private addresses without network', async () => {
  await assert.rejects(assertPublicHost('127.0.0.1'), BlockedAddressError);
  await assert.rejects(assertPublicHost('[::1]'), BlockedAddressError);
  await assert.rejects(assertPublicHost('localhost'), BlockedAddressError);
  assert.deepEqual(await assertPublicHost('93.184.216.34'), ['93.184.216.34']);
});
