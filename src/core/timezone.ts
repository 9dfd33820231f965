/** Whether `name` is an IANA timezone this runtime knows (Europe/London, UTC, …). */
export function isTimezone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
