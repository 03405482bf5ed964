import { z } from 'zod';
import { type ChannelDef, NoInput } from './common';
import { RequestSummary } from './requests';

// A first page of a dashboard list, with the total (exact up to 1,000 past the page).
export const DashboardList = z.object({ rows: z.array(RequestSummary), total: z.number().int(), capped: z.boolean() });

export const dashboardChannels = {
  'requests.dashboard': {
    input: NoInput,
    output: z.object({
      today: z.string(),
      // How today's date is written (the letters' setting: 和暦 or 西暦).
      dateStyle: z.enum(['wareki', 'seireki']),
      // The last day of dueThisWeek (a week from today).
      weekEnd: z.string(),
      overdue: DashboardList,
      dueToday: DashboardList,
      dueThisWeek: DashboardList,
      // 受付・確認中: arrived, work not yet started.
      newArrivals: DashboardList,
      // Every 補正 awaited, by its date (past dates first).
      awaitingCure: DashboardList,
      awaitingMyApproval: DashboardList,
      suspected: DashboardList,
    }),
    access: 'staff',
  },
} as const satisfies Record<string, ChannelDef>;
