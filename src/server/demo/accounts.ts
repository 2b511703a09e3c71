import people from './data/people.json' with { type: 'json' };

/** The demo staff password. Demo data only: never used outside demo mode, printed at start so people can log in. */
export const DEMO_STAFF_PASSWORD = process.env.TONGBAN_DEMO_PASSWORD ?? 'Tongban@2026';

export function demoAccountsText(): string {
  const staff = people.staff.filter((s) => ['clerk.zhou', 'scj.reviewer', 'scj.approver', 'admin.sun', 'sup.zheng'].includes(s.login));
  return [
    '  Demo accounts (demo mode — 演示模式):',
    `    staff password: ${DEMO_STAFF_PASSWORD}`,
    ...staff.map((s) => `    ${s.login.padEnd(14)} ${s.name}  ${s.roles.join(',')}  ${s.agencyId}`),
    `    residents log in by phone code (printed here in demo mode): ${people.residents.slice(0, 2).map((r) => `${r.name} ${r.phone}`).join(', ')}`,
    '    or use the demo login on the login page.',
  ].join('\n');
}
