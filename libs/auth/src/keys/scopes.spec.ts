import { grantsAll, parseScopes } from './scopes';

describe('scopes', () => {
  it('parses a comma list once per scope', () => {
    expect(parseScopes('predict, read,predict')).toEqual(['predict', 'read']);
  });

  it('names the unknown scopes and the valid ones', () => {
    expect(() => parseScopes('predict,write')).toThrow(
      /unknown scope\(s\) write; valid scopes: predict/,
    );
    expect(() => parseScopes(' , ')).toThrow(/no scopes given/);
  });

  it('needs every required scope; admin implies metrics only', () => {
    expect(grantsAll(['predict', 'read'], ['predict', 'read'])).toBe(true);
    expect(grantsAll(['predict'], ['predict', 'read'])).toBe(false);
    expect(grantsAll(['admin'], ['metrics'])).toBe(true);
    expect(grantsAll(['admin'], ['predict'])).toBe(false);
    expect(grantsAll(['metrics'], ['admin'])).toBe(false);
  });
});
