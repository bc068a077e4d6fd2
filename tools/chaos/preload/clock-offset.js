// Preloaded into an app (`node --require tools/chaos/preload/clock-offset.js`) to run it with
// its wall clock shifted by SIBYL_CLOCK_OFFSET_MS (e.g. -120000: two minutes behind), like a
// host whose NTP drifted. Only Date is shifted; monotonic timers (setTimeout, performance.now)
// are untouched, as on a real host. Used by the chaos tool's clock-skew scenario.
'use strict';
const offset = Number(process.env.SIBYL_CLOCK_OFFSET_MS || 0);
if (offset) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  // libraries look types up by name (mongoose: `Date`) and test `instanceof Date` on dates made
  // before the swap or by native code: keep both working
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' });
  Object.defineProperty(ShiftedDate, Symbol.hasInstance, {
    value: (value) => value instanceof RealDate,
  });
  globalThis.Date = ShiftedDate;
}
