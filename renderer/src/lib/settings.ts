import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './api';

const key = ['settings.get'] as const;

// Every policy the administrator set, read once and shared by every screen that needs one.
export function useSettings() {
  return useQuery({ queryKey: key, queryFn: () => call('settings.get', {}) });
}

// After a settings change: every screen reads the new policy.
export function useRefreshSettings(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}
