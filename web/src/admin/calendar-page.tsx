// The working-day calendar (/admin/calendar, hall managers and system admins): a year of month grids showing
// the official holidays (休) and 调休 make-up working days (班) with the administrators' adjustments on top,
// a plain warning when the year's official arrangement is not known yet, and dialogs to adjust one day or a
// range with a reason. Every time limit of the hall counts the days as shown here.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client.ts';
import { useCalendarYear, useChangeCalendar, type CalendarChanges, type CalendarDay } from '../api/calendar.ts';
import { PUBLISHER_ROLES, hasRole, useMe } from '../api/session.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useL, useLocale, usePunct } from '../lib/localized.ts';
import { useMessage } from '../state/feedback.tsx';
import './calendar.css';
import { formatDateTime, formatDateWithWeekday, formatMonthName } from '../lib/dates.ts';

const YEAR_MIN = 2000;
const YEAR_MAX = 2099;
const DAY_MS = 86_400_000;

/** This year in China (UTC+8), whatever the browser's time zone. */
function chinaYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
/** Monday 0 … Sunday 6 (Chinese calendars start the week on Monday). */
const weekdayIndex = (date: string) => (utc(date).getUTCDay() + 6) % 7;
const isWeekend = (date: string) => weekdayIndex(date) >= 5;

function useFullDate() {
  const locale = useLocale();
  return (date: string) => formatDateWithWeekday(date, locale);
}

/** How a day looks: off (holiday or adjusted off), make-up working day on a weekend, plain weekend or workday. */
function dayClass(d: CalendarDay): string {
  const kind = !d.working ? (isWeekend(d.date) && !d.holiday && !d.override ? 'cal-weekend' : 'cal-off') : isWeekend(d.date) ? 'cal-work' : 'cal-plain';
  return `cal-day ${kind}${d.override ? ' cal-override' : ''}`;
}

function dayMark(d: CalendarDay, t: (k: 'calendar.markOff' | 'calendar.markWork') => string): string {
  if (!d.working && (d.holiday || d.override || !isWeekend(d.date))) return t('calendar.markOff');
  if (d.working && isWeekend(d.date)) return t('calendar.markWork');
  return '';
}

function Month({ month, days, onPick }: { month: number; days: CalendarDay[]; onPick: (d: CalendarDay) => void }) {
  const { t } = useTranslation();
  const l = useL();
  const locale = useLocale();
  const fullDate = useFullDate();
  const caption = formatMonthName(days[0]!.date, locale);
  const cells: (CalendarDay | null)[] = [...Array<null>(weekdayIndex(days[0]!.date)).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const rows = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table className="cal-month" data-month={month}>
      <caption>{caption}</caption>
      <thead><tr>{t('calendar.weekdays').split(',').map((w) => <th key={w} scope="col">{w}</th>)}</tr></thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((d, j) => (
              <td key={j}>
                {d && (
                  // The full date and its status are the button's name (read out); the number and mark are what one sees.
                  <button type="button" className={dayClass(d)} data-date={d.date} onClick={() => onPick(d)}>
                    <span className="cal-num" aria-hidden="true">{Number(d.date.slice(8))}</span>
                    <span className="cal-mark" aria-hidden="true">{dayMark(d, t)}</span>
                    <span className="sr-only">
                      {[
                        fullDate(d.date), d.working ? t('calendar.workingDay') : t('calendar.dayOff'),
                        d.holiday ? l(d.holiday) : '', d.override ? `${t('calendar.legendOverride')}: ${d.override.reason}` : '',
                      ].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Draft { working: boolean; reason: string }

/** Saves changes and says what happened, also how many open tasks' due dates moved; resolves true once saved. */
function useSaveCalendar() {
  const { t } = useTranslation();
  const change = useChangeCalendar();
  const message = useMessage();
  const save = (changes: CalendarChanges, done: string) => change.mutateAsync(changes).then(
    (r) => { message.success(r.rescheduledTasks > 0 ? t('calendar.savedMoved', { count: r.rescheduledTasks }) : done); return true; },
    (err: unknown) => { message.error(errorText(err)); return false; },
  );
  return { save, pending: change.isPending };
}

/** Adjust one day, or remove its adjustment. */
function DayDialog({ day, onClose }: { day: CalendarDay; onClose: () => void }) {
  const { t } = useTranslation();
  const l = useL();
  const p = usePunct();
  const fullDate = useFullDate();
  const { save: store, pending } = useSaveCalendar();
  const [form] = Form.useForm<Draft>();
  const official = day.holiday ? l(day.holiday) : t('calendar.officialWeek');
  const send = async (changes: CalendarChanges, done: string) => { if (await store(changes, done)) onClose(); };
  const save = async () => {
    const v = await form.validateFields();
    await send({ set: [{ date: day.date, working: v.working, reason: v.reason.trim() }] }, t('calendar.saved'));
  };
  return (
    <Modal
      open title={t('calendar.dayTitle', { date: fullDate(day.date) })} onCancel={onClose} destroyOnHidden
      footer={[
        ...(day.override ? [<Button key="remove" danger onClick={() => void send({ remove: [day.date] }, t('calendar.removed'))} disabled={pending}>{t('calendar.remove')}</Button>] : []),
        <Button key="cancel" onClick={onClose}>{t('app.cancel')}</Button>,
        <Button key="save" type="primary" loading={pending} onClick={() => void save()}>{t('calendar.save')}</Button>,
      ]}
    >
      <dl className="cal-facts">
        <div><dt>{t('calendar.official')}</dt><dd>{day.officialWorking ? t('calendar.workingDay') : t('calendar.dayOff')}{p.paren(official)}</dd></div>
        <div><dt>{t('calendar.current')}</dt><dd>{day.working ? t('calendar.workingDay') : t('calendar.dayOff')}</dd></div>
        {day.override && (
          <div><dt>{t('calendar.legendOverride')}</dt><dd>{day.override.reason}{day.override.updatedBy && p.paren(t('calendar.adjustedBy', { name: day.override.updatedBy.name, at: formatDateTime(day.override.updatedAt) }))}</dd></div>
        )}
      </dl>
      <Form form={form} layout="vertical" initialValues={{ working: day.override ? day.override.working : !day.working, reason: day.override?.reason ?? '' }}>
        <DraftFields />
      </Form>
    </Modal>
  );
}

/** Working or off, and why — the same two fields for a day and for a range. */
function DraftFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="working" label={t('calendar.makeIt')}>
        <Radio.Group options={[{ value: false, label: t('calendar.dayOff') }, { value: true, label: t('calendar.workingDay') }]} />
      </Form.Item>
      <Form.Item name="reason" label={t('calendar.reason')} rules={[{ required: true, whitespace: true, message: t('calendar.reasonRequired') }, { max: 100 }]}>
        <Input placeholder={t('calendar.reasonPlaceholder')} maxLength={100} />
      </Form.Item>
    </>
  );
}

/** Every date from `from` to `to`, both included; empty when the range is wrong or longer than a year. */
function datesBetween(from: string, to: string): string[] {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a || (b - a) / DAY_MS > 365) return [];
  return Array.from({ length: (b - a) / DAY_MS + 1 }, (_, i) => new Date(a + i * DAY_MS).toISOString().slice(0, 10));
}

function RangeDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { save: store, pending } = useSaveCalendar();
  const message = useMessage();
  const [form] = Form.useForm<Draft & { from: string; to: string }>();
  const save = async () => {
    const v = await form.validateFields();
    const dates = datesBetween(v.from, v.to);
    if (dates.length === 0) { message.error(t('calendar.rangeInvalid')); return; }
    if (await store({ set: dates.map((date) => ({ date, working: v.working, reason: v.reason.trim() })) }, t('calendar.saved'))) onClose();
  };
  return (
    <Modal open title={t('calendar.bulkTitle')} onCancel={onClose} onOk={() => void save()} okText={t('calendar.save')} cancelText={t('app.cancel')}
      confirmLoading={pending} destroyOnHidden>
      <p>{t('calendar.bulkIntro')}</p>
      <Form form={form} layout="vertical" initialValues={{ working: false, reason: '', from: `${year}-01-01`, to: `${year}-01-01` }}>
        <div className="cal-range">
          <Form.Item name="from" label={t('calendar.from')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="to" label={t('calendar.to')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        </div>
        <DraftFields />
      </Form>
    </Modal>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const p = usePunct();
  const fullDate = useFullDate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= YEAR_MIN && asked <= YEAR_MAX ? asked : chinaYear();
  const allowed = hasRole(me, PUBLISHER_ROLES);
  const cal = useCalendarYear(year, allowed);
  const { save: store, pending } = useSaveCalendar();
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [ranging, setRanging] = useState(false);
  useDocumentTitle(t('calendar.title'));
  const goYear = (y: number) => setParams(y === chinaYear() ? {} : { year: String(y) });

  if (!allowed) return <><h1>{t('calendar.title')}</h1><p>{t('calendar.forbidden')}</p></>;
  const data = cal.data;
  const months = data ? Array.from({ length: 12 }, (_, m) => data.days.filter((d) => Number(d.date.slice(5, 7)) === m + 1)) : [];
  const adjusted = data?.days.filter((d) => d.override) ?? [];
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.intro')}</p>
      <nav className="cal-years" aria-label={t('calendar.year')}>
        <Button onClick={() => goYear(year - 1)} disabled={year <= YEAR_MIN}>{t('calendar.prevYear')}</Button>
        <h2 className="cal-year">{t('calendar.yearHeading', { year })}</h2>
        <Button onClick={() => goYear(year + 1)} disabled={year >= YEAR_MAX}>{t('calendar.nextYear')}</Button>
      </nav>
      {cal.error && <PageError error={cal.error} />}
      {!data && !cal.error && <PageLoading />}
      {data && (
        <>
          {data.packageHasData
            ? <p className="cal-status">{t('calendar.hasData', { year })} {t('calendar.overrideCount', { count: data.overrides })}</p>
            : <Alert type="warning" showIcon className="cal-warning" title={t('calendar.noDataTitle', { year })}
                description={<>{t('calendar.noData', { year })} {t('calendar.overrideCount', { count: data.overrides })}</>} />}
          <div className="cal-toolbar">
            <ul className="cal-legend" aria-label={t('calendar.legend')}>
              <li><span className="cal-swatch cal-off" aria-hidden="true">{t('calendar.markOff')}</span>{t('calendar.legendHoliday')}</li>
              <li><span className="cal-swatch cal-work" aria-hidden="true">{t('calendar.markWork')}</span>{t('calendar.legendMakeup')}</li>
              <li><span className="cal-swatch cal-weekend" aria-hidden="true" />{t('calendar.legendWeekend')}</li>
              <li><span className="cal-swatch cal-plain cal-override" aria-hidden="true" />{t('calendar.legendOverride')}</li>
            </ul>
            <Button type="primary" onClick={() => setRanging(true)}>{t('calendar.bulk')}</Button>
          </div>
          <div className="cal-grid">
            {months.map((days, m) => <Month key={`${year}-${m}`} month={m + 1} days={days} onPick={setPicked} />)}
          </div>
          <h2>{t('calendar.listTitle')}</h2>
          {adjusted.length === 0 ? <p>{t('calendar.listEmpty')}</p> : (
            <ul className="cal-list">
              {adjusted.map((d) => (
                <li key={d.date}>
                  <span><strong>{fullDate(d.date)}</strong> {d.working ? t('calendar.workingDay') : t('calendar.dayOff')}{p.colon}{d.override!.reason}</span>
                  <span className="cal-list-meta">
                    {d.override!.updatedBy && t('calendar.adjustedBy', { name: d.override!.updatedBy.name, at: formatDateTime(d.override!.updatedAt) })}
                  </span>
                  <Button size="small" danger disabled={pending} aria-label={`${t('calendar.delete')} ${fullDate(d.date)}`}
                    onClick={() => void store({ remove: [d.date] }, t('calendar.removed'))}>
                    {t('calendar.delete')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {picked && <DayDialog key={picked.date} day={picked} onClose={() => setPicked(null)} />}
      {ranging && <RangeDialog year={year} onClose={() => setRanging(false)} />}
    </>
  );
}
