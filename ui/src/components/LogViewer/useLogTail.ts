import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import type { LogLineWire } from '../../api/types.ts';
import type { LogBuffer } from './log-buffer.ts';

export type TailState = 'off' | 'connecting' | 'live' | 'ended' | 'failed';

/** How often lines from the stream are handed to the list: one render per batch, not per line. */
const FLUSH_MS = 100;

/**
 * Follow mode: the API's log stream (Server-Sent Events, `follow=true`) from the buffer's cursor,
 * appended to the buffer as lines arrive. After a dropped connection the browser reconnects by
 * itself and sends the last line's id (Last-Event-ID), so the stream resumes where it broke off
 * without a gap or a repeat. The stream ends with an `end` event once the run has finished.
 */
export function useLogTail(
  buffer: LogBuffer | null,
  logsPath: string | null,
  filter: { level?: string | undefined; q?: string | undefined },
  enabled: boolean,
  onEnd?: (status: string) => void,
): TailState {
  const [state, setState] = useState<TailState>('off');
  const { level, q } = filter;
  // onEnd is a notification only: a new function each render must not reopen the stream.
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    if (!buffer || !logsPath || !enabled) {
      setState('off');
      return;
    }
    setState('connecting');
    const url = apiUrl(logsPath, { follow: 'true', after: buffer.cursor, level, q });
    const source = new EventSource(url, { withCredentials: true });
    let pending: LogLineWire[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const lines = pending;
      pending = [];
      buffer.append(lines);
    };
    source.onopen = () => setState('live');
    source.addEventListener('log', (event) => {
      pending.push(JSON.parse((event as MessageEvent<string>).data) as LogLineWire);
      timer ??= setTimeout(flush, FLUSH_MS);
    });
    source.addEventListener('end', (event) => {
      source.close();
      if (timer) clearTimeout(timer);
      flush();
      setState('ended');
      onEndRef.current?.((JSON.parse((event as MessageEvent<string>).data) as { status: string }).status);
    });
    source.onerror = () => {
      // CONNECTING: the browser retries by itself; CLOSED: refused (signed out, run deleted).
      setState(source.readyState === EventSource.CLOSED ? 'failed' : 'connecting');
    };
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      if (pending.length) flush();
    };
  }, [buffer, logsPath, enabled, level, q]);

  return state;
}
