/**
 * The competition's clock: every date a person reads or types is Beijing time (UTC+8, no daylight
 * saving), whatever the server's or the browser's zone. One place converts both ways.
 */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 60 * 60 * 1000;

type Style = 'dateTime' | 'date' | 'medium';
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  date: { dateStyle: 'long' },
  medium: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A moment as people read it, in their language. */
export function formatBeijing(date: string | number | Date, language: string, style: Style = 'dateTime'): string {
  return new Date(date).toLocaleString(language, { timeZone: BEIJING_TIME_ZONE, ...STYLES[style] });
}

/** A moment as a `datetime-local` input shows it: "YYYY-MM-DDTHH:mm", Beijing time. */
export function toBeijingInput(date: string | number | Date): string {
  return new Date(new Date(date).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** What a `datetime-local` input ("YYYY-MM-DDTHH:mm") or a date ("YYYY-MM-DD") means in Beijing. */
export function fromBeijingInput(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00${OFFSET}` : `${value}:00${OFFSET}`);
}

/** The last millisecond of a Beijing calendar day ("YYYY-MM-DD"), for a filter's "to". */
export function endOfBeijingDay(day: string): Date {
  return new Date(`${day}T23:59:59.999${OFFSET}`);
}
