import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type Ref,
} from 'react';
import type { LogLineWire } from '../../api/types.ts';
import type { LogBuffer } from './log-buffer.ts';
import { LogRow } from './LogRow.tsx';

/** Row height without wrapping (12 px text, 20 px lines); wrapped rows are measured. */
const ROW_HEIGHT = 20;
/** How close to the end still counts as "at the end" for sticking to new lines. */
const END_SLACK_PX = 32;

export interface LogListHandle {
  toStart(): void;
  toEnd(): void;
}

interface LogListProps {
  buffer: LogBuffer;
  wrap: boolean;
  /** Follow mode: new lines scroll into view while the user is at the end. */
  stickToEnd: boolean;
  highlight: string;
  height: number | string;
  onCopy: (line: LogLineWire) => void;
  /** A line (by sequence number, in an unfiltered log) to scroll to once and mark. */
  focusSeq?: number | undefined;
  ref?: Ref<LogListHandle>;
}

/**
 * The log as a virtualized list: only the rows in view (and a few around) are in the DOM, and
 * only their pages are loaded, whatever the log's length. Keyboard: the list takes focus (Tab)
 * and scrolls with the arrow keys, Page Up/Down, Home and End.
 */
export function LogList({ buffer, wrap, stickToEnd, highlight, height, onCopy, focusSeq, ref }: LogListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(stickToEnd);
  useSyncExternalStore(buffer.subscribe, () => buffer.version);
  const count = buffer.count;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => buffer.ensure(first, Math.max(first, last)), [buffer, first, last, count]);

  // Wrapped rows have their own heights; unwrapped ones go back to the fixed height.
  useEffect(() => virtualizer.measure(), [virtualizer, wrap]);

  const toEnd = useCallback(() => {
    atEnd.current = true;
    if (buffer.count > 0) virtualizer.scrollToIndex(buffer.count - 1, { align: 'end' });
  }, [buffer, virtualizer]);
  useImperativeHandle(
    ref,
    () => ({
      toStart: () => {
        atEnd.current = false;
        virtualizer.scrollToOffset(0);
      },
      toEnd,
    }),
    [virtualizer, toEnd],
  );

  useEffect(() => {
    if (stickToEnd) toEnd();
  }, [stickToEnd, toEnd]);

  // A linked line: scrolled to once the log is known to reach it (unfiltered: index = seq - 1).
  const focused = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusSeq === undefined || focused.current === focusSeq || !buffer.indexed || count < focusSeq) return;
    focused.current = focusSeq;
    atEnd.current = false;
    virtualizer.scrollToIndex(focusSeq - 1, { align: 'center' });
  }, [buffer, count, focusSeq, virtualizer]);
  useLayoutEffect(() => {
    if (stickToEnd && atEnd.current && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, stickToEnd, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < END_SLACK_PX;
  };

  return (
    <div
      ref={scroller}
      className={wrap ? 'jd-log jd-log-wrap' : 'jd-log'}
      style={{ height }}
      tabIndex={0}
      role="log"
      aria-live="off"
      aria-label={`Run log, ${count} ${buffer.indexed ? 'lines' : 'matching lines'}`}
      data-testid="log-list"
      onScroll={onScroll}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%' }}>
        {items.map((item) => {
          const line = buffer.line(item.index);
          return (
            <div
              key={item.key}
              className={
                focusSeq !== undefined && item.index + 1 === focusSeq ? 'jd-log-row jd-log-row-focus' : 'jd-log-row'
              }
              id={focusSeq !== undefined && item.index + 1 === focusSeq ? `line-${focusSeq}` : undefined}
              data-index={item.index}
              data-seq={line?.seq}
              data-level={line?.level}
              ref={wrap ? virtualizer.measureElement : undefined}
              style={{ transform: `translateY(${item.start}px)`, ...(!wrap && { height: ROW_HEIGHT }) }}
            >
              <LogRow line={line} seq={buffer.indexed ? item.index + 1 : null} highlight={highlight} onCopy={onCopy} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
