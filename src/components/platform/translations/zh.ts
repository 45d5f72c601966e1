import { registerTranslation } from '../translations.ts';

registerTranslation('zh', {
  loading: '正在加载数据…',
  loadingBytes: (received) => `正在加载数据…已接收 ${received}`,
  computing: '正在计算…',
  computingProgress: (percent) => `正在计算… ${percent}`,
  waitingForSource: (id) => `正在等待数据源“${id}”…`,
  noData: '暂无数据。',
  errorHttp: (status, url) => `无法加载 ${url}：服务器返回 ${status}。`,
  errorNetwork: (url) => `无法加载 ${url}：服务器无响应（离线或被阻止）。`,
  errorParse: (origin, detail) => `无法读取来自 ${origin} 的数据：${detail}`,
  errorSourceMissing: (id) => `此页面上没有 <retention-source id="${id}">。`,
  errorCompute: (detail) => `无法计算该指标：${detail}`,
  errorInvalid: (count) => `数据中有 ${count} 个问题：`,
  issueLine: (record, field, expected, found) => `第 ${record} 条记录，字段“${field}”：应为 ${expected}，实际为 ${found}`,
  optionLine: (field, expected, found) => `设置“${field}”：应为 ${expected}，实际为 ${found}`,
  moreIssues: (count) => `另有 ${count} 个`,
  warningsNotice: (count) => `关于数据的 ${count} 条提示`,
  percentagePoints: '个百分点',
  dataTable: '数据',
});
