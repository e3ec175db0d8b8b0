import { afterEach, describe, expect, it } from 'vitest';
import {
  addressAllowed,
  checkDeliveryUrl,
  checkEndpointUrl,
  classifyAddress,
  deliveryLookup,
  setHostResolverForTests,
  UrlRefusedError,
} from './url-policy';

afterEach(() => setHostResolverForTests(null));

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'link_local'],
    ['169.254.0.1', 'link_local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:a9fe:a9fe::1', 'link_local'],
    ['2001:db8::1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.1', 'public'],
    ['169.253.1.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['not-an-ip', 'reserved'],
  ] as const)('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('live mode allows only public addresses; test mode also loopback and private ones', () => {
    expect(addressAllowed('public', true)).toBe(true);
    for (const cls of [
      'loopback',
      'private',
      'link_local',
      'cgnat',
      'unspecified',
      'multicast',
      'reserved',
    ] as const) {
      expect(addressAllowed(cls, true)).toBe(false);
    }
    expect(addressAllowed('loopback', false)).toBe(true);
    expect(addressAllowed('private', false)).toBe(true);
    expect(addressAllowed('link_local', false)).toBe(false);
    expect(addressAllowed('cgnat', false)).toBe(false);
  });
});

describe('endpoint URLs', () => {
  it('live mode: https only, no credentials, every resolved address public', async () => {
    setHostResolverForTests((host) =>
      host === 'ok.example.test'
        ? Promise.resolve([{ address: '93.184.216.34', family: 4 }])
        : host === 'half.example.test'
          ? Promise.resolve([
              { address: '93.184.216.34', family: 4 },
              { address: 'fd00::5', family: 6 },
            ])
          : Promise.reject(new Error('ENOTFOUND')),
    );
    await expect(checkEndpointUrl('https://ok.example.test/x', true)).resolves.toBe(
      'https://ok.example.test/x',
    );
    await expect(checkEndpointUrl('http://ok.example.test/x', true)).rejects.toThrow(/https/);
    await expect(checkEndpointUrl('https://user:pw@ok.example.test/x', true)).rejects.toThrow(/credentials/);
    await expect(checkEndpointUrl('https://half.example.test/x', true)).rejects.toThrow(/private/);
    await expect(checkEndpointUrl('https://gone.example.test/x', true)).rejects.toThrow(
      /could not be resolved/,
    );
    await expect(checkEndpointUrl('https://[::ffff:127.0.0.1]/x', true)).rejects.toBeInstanceOf(
      UrlRefusedError,
    );
  });

  it('test mode: http and localhost allowed, unresolvable names accepted, metadata refused', async () => {
    setHostResolverForTests(() => Promise.reject(new Error('ENOTFOUND')));
    await expect(checkEndpointUrl('http://localhost:4242/hook', false)).resolves.toBeTruthy();
    await expect(checkEndpointUrl('http://127.0.0.1:4242/hook', false)).resolves.toBeTruthy();
    await expect(checkEndpointUrl('https://tunnel.example.test/hook', false)).resolves.toBeTruthy();
    await expect(checkEndpointUrl('http://169.254.169.254/latest', false)).rejects.toThrow(/link-local/);
    await expect(checkEndpointUrl('gopher://example.test/', false)).rejects.toThrow(/http/);
  });

  it('at delivery, IP literals are checked (they skip lookup) and lookup hands over only checked addresses', async () => {
    await expect(checkDeliveryUrl('https://10.0.0.1/x', true)).rejects.toThrow(/private/);
    await expect(checkDeliveryUrl('http://10.0.0.1/x', false)).resolves.toBeInstanceOf(URL);
    let answer = [{ address: '93.184.216.34', family: 4 }];
    setHostResolverForTests(() => Promise.resolve(answer));
    const lookup = deliveryLookup(true);
    const call = (options: { all?: boolean }) =>
      new Promise<unknown>((resolve, reject) =>
        lookup('hooks.example.test', options, (err, address, family) =>
          err ? reject(err) : resolve(options.all ? address : [address, family]),
        ),
      );
    await expect(call({})).resolves.toEqual(['93.184.216.34', 4]);
    await expect(call({ all: true })).resolves.toEqual(answer);
    answer = [{ address: '127.0.0.1', family: 4 }];
    await expect(call({})).rejects.toThrow(/loopback/);
  });
});
