// Chinese names for the API's codes (regions, roles, camelCase enums) and its field names.

export const REGIONS: Record<string, string> = {
  '140500': '市本级',
  '140502': '城区',
  '140521': '沁水县',
  '140522': '阳城县',
  '140524': '陵川县',
  '140525': '泽州县',
  '140581': '高平市',
  '140571': '开发区',
};

export const regionName = (code?: string | null) => (code ? REGIONS[code] ?? code : '');

export const ROLES: Record<string, string> = {
  'project-office': '项目办（项目推进中心）',
  township: '乡镇（街道）',
  approvals: '审批局 / 审批部门',
  attraction: '投资促进中心',
  statistics: '统计局',
  funding: '财政局 / 发改局（资金）',
  'city-hq': '市项目攻坚指挥部',
  admin: '系统管理员',
};

type Dict = Record<string, string>;

export const CATEGORY: Dict = {
  industry: '产业', infrastructure: '基础设施', livelihood: '民生', ecology: '生态环保', cultureTourism: '文旅康养',
  urbanRenewal: '城市更新', ruralIndustry: '乡村产业', realEstate: '房地产', other: '其他',
};
export const NATURE: Dict = { new: '新建', continuing: '续建', expansion: '扩建', renovation: '改建' };
export const STAGE: Dict = {
  conceived: '谋划', reserve: '储备', preparation: '前期', underConstruction: '在建', completed: '竣工',
  operating: '投产达效', suspended: '暂停', terminated: '终止',
};
export const KEY_LEVEL: Dict = { none: '一般', county: '县级重点', city: '市级重点', provincial: '省级重点' };
export const START_KIND: Dict = { newStart: '新开工', continuing: '续建' };
export const SCHEDULE: Dict = { ahead: '超序时', onTrack: '符合序时', behind: '滞后序时' };
export const WARNING: Dict = { none: '正常', yellow: '黄色预警', red: '红色预警' };
export const PROBLEM_STATUS: Dict = { found: '已发现', assigned: '已交办', escalated: '已督办', closed: '已销号' };
export const PROBLEM_LEVEL: Dict = { county: '县级', city: '市级', provincial: '省级' };
export const PROBLEM_CATEGORY: Dict = {
  land: '用地', approvals: '审批手续', funding: '资金', demolition: '征拆', utilities: '水电气暖', environment: '环保',
  energy: '能耗', construction: '施工', other: '其他',
};
export const ITEM_STATUS: Dict = {
  notStarted: '未申报', submitted: '已申报', accepted: '已受理', approved: '已批复', rejected: '不予批准',
  acceptedWithDeficiency: '容缺受理',
};
export const ITEM_WARNING: Dict = { dueSoon: '临近时限', overdue: '已超时限', commitmentOverdue: '容缺承诺逾期' };
export const LEAD_STAGE: Dict = { contact: '接洽', visit: '考察', negotiation: '洽谈', signed: '签约', terminated: '终止' };
export const INCLUSION_STATUS: Dict = { submitted: '待审核', approved: '已入统', rejected: '已退回' };
export const PROGRAMME_KIND: Dict = {
  centralBudget: '中央预算内投资', specialBond: '地方政府专项债券', ultraLongBond: '超长期特别国债',
  preliminaryFee: '省市前期费', other: '其他',
};
export const APPLICATION_STATUS: Dict = {
  draft: '草稿', submitted: '已提交', countyReview: '县级审核', recommended: '已推荐上报', approved: '已批准', rejected: '未通过',
};

export const label = (dict: Dict, v?: string | null) => (v == null ? '' : dict[v] ?? v);
export const options = (dict: Dict) => Object.entries(dict).map(([value, text]) => ({ value, label: text }));

/** Field names of the API, for error messages that name a field the form does not show. */
export const FIELDS: Dict = {
  name: '项目名称', regionCode: '地区', township: '乡镇（街道）', category: '项目类别', nature: '建设性质', industry: '所属行业',
  description: '建设内容', totalInvestment: '总投资', annualPlannedInvestment: '年度计划投资', year: '计划年度',
  plannedStartDate: '计划开工日期', plannedFinishDate: '计划竣工日期', keyLevel: '重点级别', leaderInCharge: '包联领导',
  responsibleUnit: '责任单位', contactPerson: '联系人', contactPhone: '联系电话', nationalCode: '项目代码',
  statisticsCode: '统计编码', bondProjectId: '专项债项目编号', localNumber: '县级编号', period: '月份',
  completedInvestment: '完成投资', note: '备注', stage: '阶段', date: '日期', title: '标题', level: '层级',
  department: '责任部门', assignee: '责任人', dueDate: '办结时限', resolution: '销号说明', reason: '原因',
  documentNumber: '批复文号', missingDocuments: '容缺材料', commitDueDate: '承诺补齐日期', agent: '帮办代办人',
  creditCode: '统一社会信用代码', originRegion: '来源地区', types: '企业类型', amount: '金额', signedOn: '签约日期',
  investors: '投资方', plannedStartOn: '计划开工日期', arrivedOn: '到位日期', projectId: '项目', programmeId: '资金计划',
  requestedAmount: '申请金额', approvedAmount: '批准金额', kind: '类别', batch: '批次', opensOn: '开始申报',
  closesOn: '截止申报', maxShare: '最高支持比例', mainConstructionContent: '主要建设内容', constructionContract: '施工合同',
  sitePhotos: '现场照片', approvalDocument: '立项文件', username: '用户名', password: '密码', q: '关键词', file: '文件',
};

/** The API's English validation phrases, in Chinese; anything else is shown as sent. */
const PHRASES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$/i, () => '必填'],
  [/^must not be negative$/i, () => '不能为负数'],
  [/^is too large$/i, () => '数值过大'],
  [/^must be more than 0$/i, () => '必须大于 0'],
  [/^must be at most (\d+) characters$/i, (m) => `不能超过 ${m[1]} 个字`],
  [/^must be between (\d+) and (\d+)$/i, (m) => `应在 ${m[1]} 到 ${m[2]} 之间`],
  [/^has more than two decimal places/i, () => '最多保留两位小数（万元）'],
  [/^must not exceed the total investment$/i, () => '不能超过总投资'],
  [/^must not be before the planned start date$/i, () => '不能早于计划开工日期'],
  [/^must be a month written like/i, () => '应为月份，如 2025-03'],
  [/^is not a region of the city/i, () => '不是晋城市的地区代码'],
  [/^must be 2024, 2024-Q1 or 2024-03$/i, () => '应为年、季度或月份，如 2024、2024-Q1、2024-03'],
  [/^must list at least one document$/i, () => '至少列出一项材料'],
  [/^must name at least one investor$/i, () => '至少填写一个投资方'],
  [/^must not be before the signing date$/i, () => '不能早于签约日期'],
  [/^must not be before opensOn$/i, () => '不能早于开始申报日期'],
  [/^must look like YYMM-RRRRRR-DD-TT-NNNNNN/i, () => '格式应为 YYMM-RRRRRR-DD-TT-NNNNNN（24 位数字和横线）'],
  [/^has a time segment YYMM whose month is not/i, () => '赋码年月中的月份应为 01–12'],
  [/^has region segment (\d+), which is not a region/i, (m) => `地区段 ${m[1]} 不是本省或本市的地区代码`],
  [/^must be (\d+) characters \(it has (\d+)\)$/i, (m) => `应为 ${m[1]} 位（现为 ${m[2]} 位）`],
  [/^contains '(.)', which a credit code never uses/i, (m) => `含有信用代码不使用的字符“${m[1]}”（不用 I、O、S、V、Z）`],
  [/^must carry a 6-digit administrative division code/i, () => '第 3–8 位应为 6 位行政区划代码'],
  [/^fails the GB 32100-2015 check \(the last character should be (.)\)$/i, (m) => `校验位不正确（按 GB 32100-2015，末位应为 ${m[1]}）`],
];

export function translateMessage(message: string): string {
  for (const [pattern, to] of PHRASES) {
    const m = message.match(pattern);
    if (m) return to(m);
  }
  return message;
}

export const wan = (v?: number | null) =>
  v == null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A fraction (1 = 100 %) as a percentage. */
export const percent = (v?: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
