// Chinese names for the API's codes (regions, roles, camelCase enums, error codes) and its field names.
import zh from '../../shared/Platform.ServiceDefaults/Text/zh.json';

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

// Enum labels and error texts come from the platform's one Chinese table, which the services read too.
const ENUMS: Record<string, Dict> = zh.enums;

export const CATEGORY = ENUMS.projectCategory;
export const NATURE = ENUMS.projectNature;
export const STAGE = ENUMS.projectStage;
export const KEY_LEVEL = ENUMS.keyLevel;
export const START_KIND = ENUMS.startKind;
export const SCHEDULE = ENUMS.scheduleStatus;
export const WARNING = ENUMS.warningLevel;
export const PROBLEM_STATUS = ENUMS.problemStatus;
export const PROBLEM_LEVEL = ENUMS.problemLevel;
export const PROBLEM_CATEGORY = ENUMS.problemCategory;
export const ITEM_STATUS = ENUMS.itemStatus;
export const ITEM_WARNING = ENUMS.itemWarning;
export const LEAD_STAGE = ENUMS.leadStage;
export const INCLUSION_STATUS = ENUMS.inclusionStatus;
export const PROGRAMME_KIND = ENUMS.programmeKind;
export const APPLICATION_STATUS = ENUMS.applicationStatus;

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

const CODES: Dict = zh.codes;

/** The Chinese text of an error code with its parameters filled in, or undefined when the table has none. */
export function codeText(code?: string | null, params?: Record<string, unknown> | null): string | undefined {
  const text = code ? CODES[code] : undefined;
  return text?.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export const wan = (v?: number | null) =>
  v == null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A fraction (1 = 100 %) as a percentage. */
export const percent = (v?: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
