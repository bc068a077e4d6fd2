import { parseKeysArgs, UsageError } from './keys-args';

describe('parseKeysArgs', () => {
  it('parses create with scopes, rate limit and --json', () => {
    expect(
      parseKeysArgs('create --name ci --scopes predict,read --rate-limit 5 --json'.split(' ')),
    ).toEqual({
      name: 'create',
      key: { name: 'ci', scopes: ['predict', 'read'], rateLimit: 5 },
      json: true,
    });
  });

  it('parses list and revoke', () => {
    expect(parseKeysArgs(['list'])).toEqual({ name: 'list', json: false });
    expect(parseKeysArgs(['revoke', 'ci', '--json'])).toEqual({
      name: 'revoke',
      keyName: 'ci',
      json: true,
    });
    expect(parseKeysArgs([])).toEqual({ name: 'help' });
    expect(parseKeysArgs(['--help'])).toEqual({ name: 'help' });
  });

  it.each([
    [['create', '--scopes', 'read'], /--name/],
    [['create', '--name', 'x'], /--scopes/],
    [['create', '--name', 'x', '--scopes', 'write'], /unknown scope\(s\) write/],
    [
      ['create', '--name', 'x', '--scopes', 'read', '--rate-limit', '0'],
      /--rate-limit must be a positive/,
    ],
    [['revoke'], /exactly one key NAME/],
    [['list', 'extra'], /no argument "extra"/],
    [['rotate'], /unknown command "rotate"/],
    [['list', '--verbose'], /Unknown option '--verbose'/],
  ])('refuses %p with a clear message', (argv, message) => {
    expect(() => parseKeysArgs(argv)).toThrow(UsageError);
    expect(() => parseKeysArgs(argv)).toThrow(message);
  });
});
