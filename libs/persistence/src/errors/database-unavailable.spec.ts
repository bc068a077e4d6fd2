import {
  DatabaseUnavailableError,
  isDatabaseBusy,
  isDatabaseUnavailable,
} from './database-unavailable';

function named(name: string, message = 'x'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('isDatabaseUnavailable', () => {
  it.each([
    named('MongoServerSelectionError', 'Server selection timed out after 3000 ms'),
    named('MongoNetworkError', 'connection 4 to 127.0.0.1:27017 closed'),
    named(
      'MongooseError',
      'Operation `predictions.insertMany()` buffering timed out after 10000ms',
    ),
    new DatabaseUnavailableError('not connected'),
    named('MongoBulkWriteError', 'read ECONNRESET'),
    named(
      'MongoServerError',
      '[collection.go:177 sqlite.(*collection).UpdateAll.func1] database is locked (5) (SQLITE_BUSY)',
    ),
    new Error('bulk write failed', { cause: named('MongoNetworkTimeoutError') }),
    // seen as a 500 under a 30 s database freeze (issue 9)
    named(
      'PoolClearedOnNetworkError',
      'Connection to 127.0.0.1:27017 interrupted due to server monitor timeout',
    ),
    named(
      'MongoBulkWriteError',
      'Connection to 127.0.0.1:27017 interrupted due to server monitor timeout',
    ),
  ])('recognises %s', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    named('MongoServerError', 'E11000 duplicate key'),
    new TypeError('bad'),
    'text',
    undefined,
  ])('does not mistake %s for an outage', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isDatabaseBusy', () => {
  it('recognises a locked SQLite database behind FerretDB', () => {
    expect(isDatabaseBusy(named('MongoServerError', 'database is locked (5) (SQLITE_BUSY)'))).toBe(
      true,
    );
    expect(isDatabaseBusy(named('MongoServerError', 'E11000 duplicate key'))).toBe(false);
  });
});
