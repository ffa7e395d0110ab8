import { useEffect } from 'react';

/** Names the browser tab (and what screen readers announce) after the page shown. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Jobdeck` : 'Jobdeck';
  }, [title]);
}
