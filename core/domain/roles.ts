export const roles = ['staff', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

// Whether an account's roles open channels of an access level: request work ('staff') is
// open to 承認者 too, who must read a request to approve it.
export function rolesAllow(held: readonly Role[], access: Role): boolean {
  return held.includes(access) || (access === 'staff' && held.includes('approver'));
}

export const roleLabels: Record<Role, string> = {
  staff: '担当者',
  approver: '承認者',
  admin: '管理者',
};
