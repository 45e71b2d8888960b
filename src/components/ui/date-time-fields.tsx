/**
 * A date picker (typed segments plus a calendar) and an optional time field, on
 * react-aria-components. They report plain values — `YYYY-MM-DD` and {hour, minute} — so callers
 * never handle calendar objects. Loaded only inside lazy dialogs.
 */
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  type DateValue,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
  TimeField,
  type TimeValue,
} from 'react-aria-components';

const FIELD = 'flex h-10 items-center rounded-md border border-slate-300 bg-white px-2 text-sm focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-950';
const SEGMENT =
  'rounded px-0.5 tabular-nums outline-none caret-transparent focus:bg-sky-700 focus:text-white data-[placeholder]:text-slate-600 dark:data-[placeholder]:text-slate-400';

export function DatePickerField({ label, onChange }: { label: string; onChange: (day: string | null) => void }) {
  return (
    <DatePicker
      className="flex flex-col gap-1"
      granularity="day"
      shouldForceLeadingZeros
      // While a year is typed the field passes through years like 0002; only a full year counts.
      onChange={(value: DateValue | null) => onChange(value && value.year >= 1000 ? value.toString().slice(0, 10) : null)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      <Group className={FIELD}>
        <DateInput className="flex flex-1">{(segment) => <DateSegment segment={segment} className={SEGMENT} />}</DateInput>
        <Button className="ml-1 rounded px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800" aria-label="Open calendar">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M6 2a1 1 0 0 1 1 1v1h6V3a1 1 0 1 1 2 0v1h1a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h1V3a1 1 0 0 1 1-1Zm10 7H4v7h12V9Z" />
          </svg>
        </Button>
      </Group>
      <Popover className="rounded-lg border border-slate-200 bg-white p-3 shadow-xl dark:border-slate-700 dark:bg-slate-900">
        <Dialog className="outline-none">
          <Calendar>
            <header className="mb-2 flex items-center justify-between">
              <Button slot="previous" className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
                ‹
              </Button>
              <Heading className="text-sm font-semibold" />
              <Button slot="next" className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
                ›
              </Button>
            </header>
            <CalendarGrid className="text-sm">
              {(date) => (
                <CalendarCell
                  date={date}
                  className="flex size-8 items-center justify-center rounded outline-none data-[focus-visible]:ring-2 data-[focus-visible]:ring-sky-600 data-[hovered]:bg-slate-100 data-[outside-month]:hidden data-[selected]:bg-sky-700 data-[selected]:text-white dark:data-[hovered]:bg-slate-800"
                />
              )}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

export function TimeFieldInput({ label, onChange }: { label: string; onChange: (time: { hour: number; minute: number } | null) => void }) {
  return (
    <TimeField
      className="flex flex-col gap-1"
      granularity="minute"
      onChange={(value: TimeValue | null) => onChange(value ? { hour: value.hour, minute: value.minute } : null)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      <DateInput className={FIELD}>{(segment) => <DateSegment segment={segment} className={SEGMENT} />}</DateInput>
    </TimeField>
  );
}
