/** One page of a list, with the number of items in all pages. */
export interface Page<T> {
  items: T[];
  total: number;
}
