/**
 * The demo accounts offered on the login pages in demo mode (POST /api/v1/auth/dev-login). They mirror
 * src/server/demo/data/people.json; the server refuses dev login outside demo mode, so listing them is harmless.
 */
export interface DemoAccount {
  login: string;
  name: string;
  note: string;
  enterpriseUscc?: string;
  group: 'residents' | 'enterprises' | 'staff';
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { group: 'residents', login: 'zhangwei', name: '张伟', note: '闵行区居民' },
  { group: 'residents', login: 'wangfang', name: '王芳', note: '徐汇区户籍' },
  { group: 'residents', login: 'liuyang', name: '刘洋', note: '闵行区居民，60岁以上' },
  { group: 'enterprises', login: 'lina', name: '李娜', note: '上海闵味餐饮管理有限公司 法定代表人', enterpriseUscc: '91310112MA1GB3K724' },
  { group: 'enterprises', login: 'chenjie', name: '陈杰', note: '上海虹桥智造科技有限公司 法定代表人', enterpriseUscc: '91310112MA1GC5L9XM' },
  { group: 'staff', login: 'clerk.zhou', name: '周敏', note: '综合窗口 · 行政服务中心' },
  { group: 'staff', login: 'scj.reviewer', name: '赵刚', note: '审查 · 市场监管局' },
  { group: 'staff', login: 'scj.approver', name: '钱芳', note: '审批 · 市场监管局' },
  { group: 'staff', login: 'wjw.reviewer', name: '周杰', note: '审查 · 卫健委' },
  { group: 'staff', login: 'admin.sun', name: '孙立', note: '中心管理员' },
  { group: 'staff', login: 'sup.zheng', name: '郑华', note: '督查 · 行政服务中心' },
  { group: 'staff', login: 'scj.admin', name: '李静', note: '部门管理员 · 市场监管局' },
];
