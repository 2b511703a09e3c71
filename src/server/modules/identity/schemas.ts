import { z } from 'zod';

export const DevLoginBody = z.strictObject({
  login: z.string().min(1).max(64).describe('演示账号登录名，如 zhangwei、clerk.zhou、scj.reviewer'),
  enterpriseUscc: z.string().length(18).optional().describe('以该企业身份办事（须为法定代表人或被授权人）'),
});

export const SessionResponse = z.object({ token: z.string(), csrf: z.string(), expiresAt: z.string() });
