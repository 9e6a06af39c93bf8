// Tables of the working-day calendar (W3, issue 3).

/** An admin's override of one date: `working` 1 = working day, 0 = day off; it wins over `chinese-days`. */
export interface CalendarOverrideTable {
  date: string; working: number; reason: string; updated_by: string | null; updated_at: string;
}

export interface CalendarTables {
  calendar_override: CalendarOverrideTable;
}
