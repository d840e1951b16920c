import { describe, expect, it, vi } from 'vitest';
import { apiFetch, HttpError } from './fetch-wrapper';

describe('apiFetch', () => {
  it('does not refresh on 403', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('nope', { status: 403 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/x')).rejects.toBeInstanceOf(HttpError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('refreshes once on 401', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('expired', { status: 401 }))
      .mockResolvedValueOnce(Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/x')).resolves.toEqual({ ok: true });
  });

  it('maps a 400 to an error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('bad', { status: 400 })));
    await expect(apiFetch('/x')).rejects.toMatchObject({ status: 400 });
  });
});
