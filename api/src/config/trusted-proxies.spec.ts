import { loadConfig } from './app-config';
import { parseTrustedProxies } from './trusted-proxies';

describe('parseTrustedProxies', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.0/8 , 192.168.1.7,::1, fd00::/8 ', ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']],
    ['0.0.0.0/0', ['0.0.0.0/0']],
  ])('trusts %j as %j', (value, proxies) => {
    expect(parseTrustedProxies(value)).toEqual({ proxies, problems: [] });
  });

  it.each([
    ['proxy.internal', 'TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range'],
    ['10.0.0.256', 'TRUSTED_PROXIES: "10.0.0.256" is not an IP address or CIDR range'],
    ['10.0.0.0/33', 'TRUSTED_PROXIES: "10.0.0.0/33" has a prefix length outside 0-32'],
    ['fd00::/129', 'TRUSTED_PROXIES: "fd00::/129" has a prefix length outside 0-128'],
    ['10.0.0.0/8/8', 'TRUSTED_PROXIES: "10.0.0.0/8/8" is not an IP address or CIDR range'],
    ['10.0.0.0/-1', 'TRUSTED_PROXIES: "10.0.0.0/-1" has a prefix length outside 0-32'],
    ['true', 'TRUSTED_PROXIES: "true" is not an IP address or CIDR range'],
  ])('refuses %j, and then trusts nobody', (value, problem) => {
    expect(parseTrustedProxies(`127.0.0.1, ${value}`)).toEqual({ proxies: [], problems: [problem] });
  });
});

describe('loadConfig and TRUSTED_PROXIES', () => {
  it.each(['development', 'test', 'production'])('trusts no proxy by default in %s', (NODE_ENV) => {
    const env = { NODE_ENV, JWT_SECRET: 'wd6xjQNzVztB1WrpigINXB/fLPZ2n0BAQjuGZuvDw98=', DATABASE_APP_URL: 'postgres://app@db/sbo' };
    expect(loadConfig(env).trustedProxies).toEqual([]);
  });

  it('lists a bad entry with the other configuration problems', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.internal', PORT: '0' })).toThrow(
      /Invalid configuration:\n {2}- PORT.*\n {2}- TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range/,
    );
  });
});
