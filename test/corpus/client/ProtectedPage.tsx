import { useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { useAuth } from './useAuth';
import { api } from './api';

type Status = 'loading' | 'ok' | 'forbidden' | 'unauthenticated';

export function ProtectedPage({ resource }: { resource: string }) {
  const { refresh } = useAuth();
  const [status, setStatus] = useState<Status>('loading');
  const [data, setData] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    async function load(retried = false): Promise<void> {
      const response = await api.get(`/resources/${resource}`, { validateStatus: () => true });
      if (cancelled) return;
      if (response.status === 401 && !retried) {
        await refresh();
        return load(true);
      }
      if (response.status === 401) {
        setStatus('unauthenticated');
        return;
      }
      if (response.status === 403) {
        setStatus('forbidden');
        return;
      }
      setData(response.data);
      setStatus('ok');
    }
    void load();
    return () => {
      cancelled = true;
    };
  }, [resource, refresh]);

  if (status === 'unauthenticated') return <Navigate to="/login" replace />;
  if (status === 'forbidden') return <p role="alert">You do not have access to this page (403).</p>;
  if (status === 'loading') return <p>Loading…</p>;
  return <pre>{JSON.stringify(data, null, 2)}</pre>;
}

export function LegacyDashboard() {
  const { refresh } = useAuth();
  const [rows, setRows] = useState<unknown[]>([]);

  useEffect(() => {
    api
      .get('/dashboard')
      .then((response) => setRows(response.data))
      .catch(async (error) => {
        if (error.response?.status === 499) { // expect: refresh-token-on-401
          await refresh();
          const retry = await api.get('/dashboard');
          setRows(retry.data);
        }
      });
  }, [refresh]);

  return (
    <ul>
      {rows.map((row, index) => (
        <li key={index}>{JSON.stringify(row)}</li>
      ))}
    </ul>
  );
}
