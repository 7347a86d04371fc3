import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { get } from './api.js';

/**
 * Loads a GET route and keeps it fresh: again every `interval` ms while the tab is visible (interval may change with
 * the data, e.g. faster while an import runs). `reload()` refreshes at once.
 */
export function useResource(path, interval = 0) {
  const [state, setState] = useState({ data: null, error: null, loading: Boolean(path) });
  const current = useRef(path);
  current.current = path;

  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const data = await get(path);
      if (current.current === path) setState({ data, error: null, loading: false });
    } catch (error) {
      if (current.current === path) setState((s) => ({ ...s, error, loading: false }));
    }
  }, [path]);

  useEffect(() => {
    setState((s) => ({ ...s, loading: Boolean(path) }));
    reload();
  }, [reload]);

  useEffect(() => {
    if (!interval) return undefined;
    const timer = setInterval(() => {
      if (!document.hidden) reload();
    }, interval);
    return () => clearInterval(timer);
  }, [reload, interval]);

  return { ...state, reload };
}

/** Sets the tab's title while a page is shown. */
export function useTitle(title) {
  useEffect(() => {
    document.title = `${title} · crm-sync`;
  }, [title]);
}

/**
 * Runs a user's action (a save, a retry): `busy` while it runs, the API's `error` if it refuses, `done` once it
 * succeeded, until `reset()` or the next run.
 */
export function useAction(action) {
  const [state, setState] = useState({ busy: false, error: null, done: false });
  const run = async (...args) => {
    setState({ busy: true, error: null, done: false });
    try {
      const result = await action(...args);
      setState({ busy: false, error: null, done: true });
      return result;
    } catch (error) {
      setState({ busy: false, error, done: false });
      return undefined;
    }
  };
  const reset = () => setState({ busy: false, error: null, done: false });
  return { ...state, run, reset };
}
