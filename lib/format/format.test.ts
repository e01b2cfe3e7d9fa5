import { describe, expect, it } from 'vitest';
import { base64ToBytes, hexDump, textToBytes } from './bytes';
import { formatTimestamp, fromLocalInput, fromZoneInput, toLocalInput, toZoneInput, zoneLabel } from './dates';
import { compareInt64, formatBytes, formatInt64, fraction } from './numbers';

describe('numbers', () => {
  it('groups 64-bit offsets exactly, beyond 2^53', () => {
    expect(formatInt64('9223372036854775807')).toBe('9,223,372,036,854,775,807');
    expect(formatInt64('9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatInt64('-1234')).toBe('-1,234');
    expect(formatInt64('12')).toBe('12');
    expect(formatInt64(null)).toBe('—');
  });

  it('compares and divides int64 strings without Number', () => {
    expect(compareInt64('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareInt64('5', '5')).toBe(0);
    expect(fraction('25', '50')).toBe(0.5);
    expect(fraction('9007199254740993', '9007199254740993')).toBe(1);
    expect(fraction(null, '10')).toBe(0);
    expect(fraction('5', '0')).toBe(0);
  });

  it('formats byte sizes', () => {
    expect(formatBytes(69)).toBe('69 B');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MiB');
    expect(formatBytes(150 * 1024)).toBe('150 KiB');
  });
});

describe('dates', () => {
  it('formats UTC with the zone named', () => {
    expect(formatTimestamp(Date.UTC(2024, 4, 1, 13, 4, 5, 123), 'utc')).toBe('2024-05-01 13:04:05.123 UTC');
    expect(formatTimestamp(-1, 'utc')).toBe('—');
  });

  it('round-trips the datetime-local input value', () => {
    const ms = new Date(2024, 0, 2, 3, 4, 5).getTime();
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
    expect(Number.isNaN(fromLocalInput(''))).toBe(true);
  });

  it('reads a typed time in the chosen zone, and only complete, real times', () => {
    const ms = Date.UTC(2024, 4, 1, 13, 4, 5, 120);
    expect(toZoneInput(ms, 'utc')).toBe('2024-05-01 13:04:05.120');
    expect(fromZoneInput('2024-05-01 13:04:05.12', 'utc')).toBe(ms);
    expect(fromZoneInput('2024-05-01T13:04', 'utc')).toBe(Date.UTC(2024, 4, 1, 13, 4));
    expect(fromZoneInput('2024-05-01', 'utc')).toBe(Date.UTC(2024, 4, 1));
    expect(fromZoneInput('2024-05-01 13:04:05', 'local')).toBe(new Date(2024, 4, 1, 13, 4, 5).getTime());
    expect(fromZoneInput(toZoneInput(ms, 'local'), 'local')).toBe(ms);
    // Half-typed years and impossible dates are not times.
    for (const t of ['2', '0002-05-01 13:04', '202-05-01', '2024-13-01', '2024-04-31 10:00', '2024-05-01 24:00', '']) expect(fromZoneInput(t, 'utc'), t).toBeNaN();
    expect(zoneLabel('utc')).toBe('UTC');
    expect(zoneLabel('local', ms)).toMatch(/^local time, UTC[+-]\d{2}:\d{2}$/);
  });
});

describe('bytes', () => {
  it('dumps bytes as offset, hex and printable ASCII', () => {
    const { text, shown } = hexDump(base64ToBytes(Buffer.from([0xff, 0x41, 0x00, 0x7e]).toString('base64')));
    expect(shown).toBe(4);
    expect(text).toMatch(/^00000000 {2}ff 41 00 7e /);
    expect(text.endsWith('|.A.~|')).toBe(true);
  });

  it('caps the dump', () => {
    const { text, shown } = hexDump(textToBytes('x'.repeat(100)), 32);
    expect(shown).toBe(32);
    expect(text.split('\n')).toHaveLength(2);
  });
});
