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

test('host checks refuse literal and resolved private addresses without network', async () => {
  await assert.rejects(assertPublicHost('127.0.0.1'), BlockedAddressError);
  await assert.rejects(assertPublicHost('[::1]'), BlockedAddressError);
  await assert.rejects(assertPublicHost('localhost'), BlockedAddressError);
  assert.deepEqual(await assertPublicHost('93.184.216.34'), ['93.184.216.34']);
});
