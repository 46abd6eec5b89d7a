import { describe, expect, it } from 'vitest';
import { loggedPath } from './log-paths.ts';

describe('the path written to the log', () => {
  it('never holds a booking code, a token or a query', () => {
    expect(loggedPath('/api/v1/counter/reservations/ABCD2345')).toBe('/api/v1/counter/reservations/:code');
    expect(loggedPath('/api/v1/counter/reservations/abcd-2345?x=1')).toBe('/api/v1/counter/reservations/:code');
    expect(loggedPath('/api/v1/facilities/bookings/ABCD2345/confirm')).toBe('/api/v1/facilities/bookings/:code/confirm');
    expect(loggedPath('/mynumber/reservations/ABCD2345')).toBe('/mynumber/reservations/:code');
    expect(loggedPath('/facilities/bookings/%EF%BC%A1BCD2345')).toBe('/facilities/bookings/:code');
    expect(loggedPath('/x/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA')).toBe('/x/:secret');
    expect(loggedPath('/procedures?q=0475501210')).toBe('/procedures');
  });

  it('keeps the paths that hold nothing personal', () => {
    expect(loggedPath('/api/v1/counter/reservations')).toBe('/api/v1/counter/reservations');
    expect(loggedPath('/api/v1/counter/reservations/lookup')).toBe('/api/v1/counter/reservations/lookup');
    expect(loggedPath('/api/v1/facilities/bookings/lookup')).toBe('/api/v1/facilities/bookings/lookup');
    expect(loggedPath('/mynumber/reservations')).toBe('/mynumber/reservations');
    expect(loggedPath('/assets/RoomBookingPage-DxK3a9Qz1234567890.js')).toBe('/assets/RoomBookingPage-DxK3a9Qz1234567890.js');
    expect(loggedPath('/facilities/bunka-kaikan/rooms/meeting-1/book')).toBe('/facilities/bunka-kaikan/rooms/meeting-1/book');
  });
});
