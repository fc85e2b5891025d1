/** How long wages are owed, as the worker said it and in months where that can be counted. */
export interface Period {
  /** As the worker said it: 两个月, 3月到5月. */
  text: string;
  months?: number;
  /** "三个多月": at least `months`. */
  approx: boolean;
}
