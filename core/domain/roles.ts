export const roles = ['staff', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  staff: '担当者',
  approver: '承認者',
  admin: '管理者',
};
