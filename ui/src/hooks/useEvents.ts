import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiUrl } from '../api/client.ts';

export type EventsState = 'connecting' | 'live' | 'offline';

/** Which cached queries an event makes stale (keys start with these names). */
const STALE_BY_EVENT: Record<string, string[]> = {
  'run.queued': ['runs', 'jobs', 'job', 'queues'],
  'run.changed': ['runs', 'run', 'jobs', 'job', 'queues', 'workers'],
  'run.stopping': ['runs', 'run', 'workers'],
  'run.progress': ['runs', 'run'],
  'job.created': ['jobs'],
  'job.updated': ['jobs', 'job'],
  'job.deleted': ['jobs', 'job'],
  changed: ['runs', 'run', 'jobs', 'job', 'queues', 'workers'],
};

/**
 * Keeps the pages live: listens to /api/events (Server-Sent Events) and marks the matching
 * queries stale so TanStack Query refetches the visible ones. Bursts are coalesced: at most one
 * invalidation per key every 500 ms. EventSource reconnects by itself after a drop.
 */
export function useEvents(): EventsState {
  const client = useQueryClient();
  const [state, setState] = useState<EventsState>('connecting');
  useEffect(() => {
    const source = new EventSource(apiUrl('/events'), { withCredentials: true });
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const key of pending) void client.invalidateQueries({ queryKey: [key] });
      pending.clear();
    };
    const listeners = Object.entries(STALE_BY_EVENT).map(([name, keys]) => {
      const listener = () => {
        for (const key of keys) pending.add(key);
        timer ??= setTimeout(flush, 500);
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    const onReady = () => setState('live');
    source.addEventListener('ready', onReady);
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.removeEventListener('ready', onReady);
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
  return state;
}
