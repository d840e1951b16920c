import assert from 'node:assert/strict';
import { classifyMessage } from '../../../packages/eslint-plugin/src/analysis/evidence/messages';

/**
 * Messages in Chinese, as Egg.js, Midway and many Koa back ends write them: each kind of failure, and the everyday
 * refusals beside them that say nothing of a credential or a right.
 */
describe('messages in Chinese', () => {
  const read: [string, string][] = [
    ['未登录，请先登录', 'missing'],
    ['缺少token', 'missing'],
    ['登录已过期，请重新登录', 'expired'],
    ['token 已失效', 'expired'],
    ['无效的token', 'invalid'],
    ['令牌校验失败', 'invalid'],
    ['身份验证失败', 'invalid'],
    ['用户名或密码错误', 'login'],
    ['密码错误', 'login'],
    ['没有权限访问该资源', 'authorization'],
    ['权限不足', 'authorization'],
    ['非项目成员则无权创建此项目的任务列表', 'authorization'],
    ['只有项目拥有者才能修改项目信息', 'authorization'],
  ];
  for (const [message, category] of read) {
    it(`reads "${message}" as ${category}`, () => assert.equal(classifyMessage(message), category));
  }
  for (const message of ['参数错误', '项目不存在', '操作成功', '请求过于频繁', '文件格式错误']) {
    it(`reads nothing in "${message}"`, () => assert.equal(classifyMessage(message), null));
  }
});
