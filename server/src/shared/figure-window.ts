/**
 * A span of time for the owner's figures (the metrics query and its alert check): the instants
 * [from, to), and the zone whose calendar days group per-day series. Each module computes its
 * own figures over its own tables for a window; the metrics module puts them together.
 */
export interface FigureWindow {
  from: Date;
  to: Date;
  timeZone: string;
}

/** One calendar day's count (and, where it has one, a value) in a per-day series. */
export interface DayCount {
  /** YYYY-MM-DD in the window's zone. */
  day: string;
  count: number;
}
