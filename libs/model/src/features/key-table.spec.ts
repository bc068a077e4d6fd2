import { KeyTable } from './key-table';

describe('KeyTable', () => {
  it('maps large integer keys to values and grows as needed', () => {
    const table = new KeyTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => i * 2 ** 40 + i * 7919 + 2 ** 51 * (i % 2));
    keys.forEach((key, i) => expect(table.getOrAdd(key)).toBe(i));
    expect(table.size).toBe(5000);
    keys.forEach((key, i) => expect(table.get(key)).toBe(i));
    expect(table.get(12345.5 * 2)).toBe(-1);
    table.set(keys[3], 99);
    expect(table.get(keys[3])).toBe(99);
    let visited = 0;
    table.forEach(() => visited++);
    expect(visited).toBe(5000);
  });

  it('builds a key → position table', () => {
    const table = KeyTable.fromKeys([10, 2 ** 52, 3]);
    expect([table.get(10), table.get(2 ** 52), table.get(3), table.get(4)]).toEqual([0, 1, 2, -1]);
  });
});
