import { uniqueMongoUri, uniqueNamespace } from './namespace';

describe('namespaces', () => {
  it('gives distinct broker namespaces with the prefix', () => {
    const a = uniqueNamespace('gw');
    expect(a).toMatch(/^gw-[a-z0-9]+-[0-9a-f]{6}$/);
    expect(uniqueNamespace('gw')).not.toBe(a);
  });

  it('swaps only the database name of a MongoDB URI', () => {
    const uri = uniqueMongoUri('mongodb://127.0.0.1:27017/sibyl?directConnection=true');
    expect(uri).toMatch(
      /^mongodb:\/\/127\.0\.0\.1:27017\/sibyl_test_[a-z0-9]+_[0-9a-f]{6}\?directConnection=true$/,
    );
  });
});
