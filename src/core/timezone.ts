/** Whether `name` is an IANA timezone this runtime knows (Europe/London, UTC, …). */
export function isTimezone(name: string): boolean {
  if (!name || name.length > 64) return false;
  // The default zone needs no check, and skipping it spares every start ICU's time-zone set-up
  // (the first Intl.DateTimeFormat with a timeZone costs 30–50 ms) until a date is shown.
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
