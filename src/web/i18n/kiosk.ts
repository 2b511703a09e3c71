import { defineMessages } from './i18n.tsx';

export const kioskMessages = defineMessages(
  {
    title: '闵行区一网通办 自助服务终端', terminal: '终端编号：{id}', noTerminal: '未配置终端编号',
    welcome: '您好，请选择要办理的事项', guideSteps: '办理步骤', s1: '查找事项', s2: '身份认证', s3: '填写并上传', s4: '提交完成',
    findService: '查找事项', login: '身份认证登录', idCardLogin: '输入身份证号登录', idCardLabel: '居民身份证号码', idCardHint: '18 位，末位如为 X 请输入大写 X',
    idCardUnknown: '该身份证号码未在本演示环境中注册，请使用下方演示账号', confirm: '确定', demoLogin: '演示账号登录',
    idleIn: '{s} 秒后自动退出', stillThere: '您还在操作吗？', stillThereHint: '为保护您的信息，{s} 秒后将自动退出登录。', keepGoing: '继续办理', logoutNow: '退出',
    loggedOutIdle: '因长时间未操作，已自动退出登录', fullscreen: '全屏显示', home: '返回首页', help: '如需帮助，请联系大厅工作人员或拨打 12345',
  },
  {
    title: 'Minhang One-Stop Services Self-Service Kiosk', terminal: 'Terminal: {id}', noTerminal: 'No terminal id configured',
    welcome: 'Welcome. Please choose a service', guideSteps: 'Steps', s1: 'Find a service', s2: 'Identify yourself', s3: 'Fill in and upload', s4: 'Done',
    findService: 'Find a service', login: 'Identify yourself', idCardLogin: 'Log in with ID card number', idCardLabel: 'Resident ID card number', idCardHint: '18 characters; type a final X in upper case',
    idCardUnknown: 'This ID number is not registered in the demo; please use a demo account below', confirm: 'OK', demoLogin: 'Demo accounts',
    idleIn: 'Logging out in {s} s', stillThere: 'Are you still there?', stillThereHint: 'To protect your data you will be logged out in {s} seconds.', keepGoing: 'Continue', logoutNow: 'Log out',
    loggedOutIdle: 'Logged out after inactivity', fullscreen: 'Full screen', home: 'Home', help: 'For help, ask the hall staff or call 12345',
  },
);
