import { defineMessages } from './i18n.tsx';

/** The staff frame shared by the workbench and the admin console: navigation, sign-in gate, shared words. */
export const staffMessages = defineMessages(
  {
    workbench: '工作台', admin: '管理后台', staffNav: '工作人员导航', inbox: '我的待办', overdue: '超期办件', intake: '综窗受理', workorders: '工单',
    items: '事项管理', guideCheck: '指南准确度', agencies: '机构', staff: '人员与角色', calendar: '节假日', halls: '大厅与窗口', templates: '消息模板',
    indicators: '指标', supervise: '督查工单', staffOnly: '此页面仅供工作人员使用', staffOnlyHint: '请使用工作人员账号登录。', noAccess: '您的角色不能使用此页面',
    goLogin: '工作人员登录', logout: '退出登录', roleOf: '{role} · {agency}', toPortal: '门户首页', refresh: '刷新', search: '查询', reset: '重置', save: '保存', cancel: '取消',
    submit: '提交', close: '关闭', edit: '编辑', view: '查看', all: '全部', none: '无', actions: '操作', saved: '已保存', done: '已完成', confirm: '确定',
    conflict: '该记录刚被他人修改，页面已是旧版本', conflictHint: '请刷新查看最新状态后再操作。', refreshNow: '刷新', required: '必填', chartTable: '图表数据表',
    role_window_clerk: '综窗人员', role_reviewer: '审查人员', role_approver: '审批人员', role_dept_admin: '部门管理员', role_center_admin: '中心管理员', role_supervisor: '督查人员',
    colour_red: '已超期', colour_yellow: '临期预警', colour_green: '正常', colour_none: '—', agency: '机构', dateFrom: '开始日期', dateTo: '结束日期', total: '共 {n} 条',
  },
  {
    workbench: 'Workbench', admin: 'Admin console', staffNav: 'Staff navigation', inbox: 'My tasks', overdue: 'Overdue cases', intake: 'Window intake', workorders: 'Work orders',
    items: 'Services', guideCheck: 'Guide accuracy', agencies: 'Agencies', staff: 'Staff and roles', calendar: 'Holidays', halls: 'Halls and windows', templates: 'Message templates',
    indicators: 'Indicators', supervise: 'Work order oversight', staffOnly: 'This page is for staff only', staffOnlyHint: 'Please sign in with a staff account.', noAccess: 'Your roles do not give access to this page',
    goLogin: 'Staff sign-in', logout: 'Log out', roleOf: '{role} · {agency}', toPortal: 'Portal home', refresh: 'Refresh', search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel',
    submit: 'Submit', close: 'Close', edit: 'Edit', view: 'View', all: 'All', none: 'None', actions: 'Actions', saved: 'Saved', done: 'Done', confirm: 'OK',
    conflict: 'Someone else changed this record; your page is out of date', conflictHint: 'Refresh to see the latest state, then try again.', refreshNow: 'Refresh', required: 'Required', chartTable: 'Chart data',
    role_window_clerk: 'Window clerk', role_reviewer: 'Reviewer', role_approver: 'Approver', role_dept_admin: 'Department admin', role_center_admin: 'Center admin', role_supervisor: 'Supervisor',
    colour_red: 'Overdue', colour_yellow: 'Due soon', colour_green: 'On time', colour_none: '—', agency: 'Agency', dateFrom: 'From', dateTo: 'To', total: '{n} in total',
  },
);
