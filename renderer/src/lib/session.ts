import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './api';

export const sessionKey = ['session.current'] as const;

export function useSessionState() {
  return useQuery({ queryKey: sessionKey, queryFn: () => call('session.current', {}), staleTime: Infinity });
}

// After a login or a change of who is logged in, everything cached belongs to someone else.
export function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

// Locking closes the database in main; reloading the page drops every decrypted value the
// renderer still holds.
export function useLock() {
  return useMutation({
    mutationFn: (reason: 'manual' | 'logout') => call('session.lock', { reason }),
    onSettled: () => {
      window.location.reload();
    },
  });
}
