import type { AppInfo } from '../../../../core/contract';

export const databaseStateLabel: Record<AppInfo['database']['state'], string> = {
  absent: '未作成（初期設定が必要です）',
  locked: 'ロック中',
  open: '使用中',
};
