// Which pages each role works in (the menu and the home page's shortcuts).
export interface NavItem {
  path: string;
  label: string;
  hint: string;
  group: string;
}

const ALL: Record<string, NavItem> = {
  projects: { path: '/projects', label: '项目库', hint: '按地区、阶段、类别等筛选项目，导出 Excel', group: '项目推进' },
  newProject: { path: '/projects/new', label: '新建项目', hint: '录入项目基本信息', group: '项目推进' },
  progress: { path: '/progress', label: '月度调度填报', hint: '一月一调度：批量填报当月完成投资', group: '项目推进' },
  imports: { path: '/imports', label: '表格导入', hint: '上传项目表或月度调度表，查看逐行校验结果', group: '项目推进' },
  problems: { path: '/problems', label: '问题台账', hint: '发现、交办、督办、销号', group: '项目推进' },
  approvals: { path: '/approvals', label: '前期手续审批', hint: '审批事项工作清单：受理、批复、容缺受理', group: '审批服务' },
  enterprises: { path: '/attraction/enterprises', label: '目标企业库', hint: '招商目标企业及联系人', group: '招商引资' },
  deals: { path: '/attraction/deals', label: '签约项目', hint: '签约、双向承诺、转化入库、资金到位', group: '招商引资' },
  statistics: { path: '/statistics', label: '入库纳统', hint: '已开工未入统、入统审核、疑似重复、统计数导入', group: '统计入库' },
  funding: { path: '/funding', label: '政策资金', hint: '资金计划与项目申报、审核、拨付', group: '资金争取' },
  city: { path: '/city', label: '排名总览', hint: '各县（市、区）目标完成与排名', group: '市指挥部' },
  cityLists: { path: '/city/lists', label: '九张清单', hint: '九张清单查询与下载', group: '市指挥部' },
  decomposition: { path: '/city/decomposition', label: '目标分解', hint: '目标分解缺口核查', group: '市指挥部' },
};

const BY_ROLE: Record<string, (keyof typeof ALL)[]> = {
  'project-office': ['projects', 'newProject', 'progress', 'imports', 'problems', 'approvals'],
  township: ['projects', 'newProject', 'progress', 'problems', 'approvals'],
  approvals: ['approvals', 'projects'],
  attraction: ['deals', 'enterprises', 'projects'],
  statistics: ['statistics', 'projects'],
  funding: ['funding', 'projects'],
  'city-hq': ['city', 'cityLists', 'decomposition', 'projects', 'problems', 'approvals'],
  admin: Object.keys(ALL) as (keyof typeof ALL)[],
};

export const navFor = (role: string): NavItem[] => (BY_ROLE[role] ?? ['projects']).map((k) => ALL[k]);
